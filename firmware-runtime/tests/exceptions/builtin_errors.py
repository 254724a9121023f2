tests = [
    lambda: 1 / 0, lambda: 1 % 0, lambda: 1.0 / 0, lambda: [][0], lambda: {}["k"],
    lambda: int("x"), lambda: "a" + 1, lambda: 1 + "a", lambda: None.attr, lambda: undefined_name,
    lambda: [].pop(), lambda: "abc".index("z"), lambda: len(5), lambda: (1)(), lambda: 2 < "a",
    lambda: {[]: 1}, lambda: iter(5), lambda: next(iter([])), lambda: chr(-1), lambda: int(None),
    lambda: "%d" % "x", lambda: [1, 2].index(3), lambda: tuple()[0], lambda: float("abc"),
    lambda: object().x, lambda: (lambda a: 0)(), lambda: "x" * "y", lambda: -"a",
]
for fn in tests:
    try:
        fn()
        print("no error")
    except Exception as e:
        print(type(e).__name__ + ":", e)
