cases = [
    ("1/0", lambda: 1 / 0),
    ("1%0", lambda: 1 % 0),
    ("[].pop()", lambda: [].pop()),
    ("{}.popitem()", lambda: {}.popitem()),
    ("None.x", lambda: None.x),
    ("None()", lambda: None()),
    ("len(5)", lambda: len(5)),
    ("[1][5]", lambda: [1][5]),
    ("(1,)[2]", lambda: (1,)[2]),
    ("'a'[3]", lambda: "a"[3]),
    ("int('q')", lambda: int("q")),
    ("iter(5)", lambda: iter(5)),
    ("next(iter([]))", lambda: next(iter([]))),
    ("set().pop()", lambda: set().pop()),
    ("[].index(1)", lambda: [].index(1)),
    ("(1).x", lambda: (1).x),
    ("[] + ()", lambda: [] + ()),
    ("{[]: 1}", lambda: {[]: 1}),
    ("abs('x')", lambda: abs("x")),
    ("-'x'", lambda: -"x"),
]
for name, fn in cases:
    try:
        fn()
        print(name, "no error")
    except Exception as e:
        print(name, type(e).__name__, e)
