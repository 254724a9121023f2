for v in (0, -1, 7, 123456789, 2 ** 31, -(2 ** 31), 2 ** 63, -(2 ** 64)):
    print(str(v), repr(v), len(str(v)), f"{v}", "%d" % v)
for v in (0.0, -0.0, 1.5, 1e16, 1.25e-5, 123.456, 1 / 3, 2 ** 0.5, 1e300, -1e-300):
    print(str(v), repr(v))
print(str(True), str(None), str(b"x"), str(3 + 0.5))
