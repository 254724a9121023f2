# an assignment expression needs a plain name as its target, wherever it appears (call
# arguments and list displays included): anything else is a SyntaxError, not a crash
sources = [
    "f(a.b := 1)",
    "print('x' in y.z := 1)",
    "print(1, a[0] := 2)",
    "[a[0] := 1]",
    "[a.b := 1, 2]",
    "(a.b := 1)",
    "x = (y := 1) + y; print(x, y)",
    "print(len(z := 'ab'), z)",
    "print([w := 2, w * 3])",
]
for src in sources:
    try:
        exec(src)
    except SyntaxError:
        print("SyntaxError:", src)
