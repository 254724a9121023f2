for v in (0, 1, -1, None, "", "x", [], [0]):
    print(repr(v), "truthy" if v else "falsy")
x = 5
print("big" if x > 10 else "mid" if x > 3 else "small")
print(1 and 2, 0 and 2, 1 or 2, 0 or 2, None or "d")
print(not 0, not [1], (not None) is True)
print(1 < 2 < 3, 3 > 2 > 2, 1 == 1.0 != 2)
def side(v):
    print("side", v)
    return v
print(side(0) and side(1))
print(side(1) or side(2))
print(side(1) < side(2) < side(0))
