tests = [
    lambda: "abc"[5],
    lambda: "abc".index("z"),
    lambda: "a" + 5,
    lambda: int("x"),
    lambda: "abc".foo,
    lambda: "x" * "y",
    lambda: "%d" % "s",
    lambda: "{0}".format(),
    lambda: ord(""),
    lambda: "a".encode("nope"),
]
for t in tests:
    try:
        t()
    except Exception as e:
        print(type(e).__name__)
