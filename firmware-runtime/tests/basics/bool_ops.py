print(True and False, True or False, not True, not 0, not [])
print(0 or 5, 3 and 4, [] or {}, None and 1, "" or "default")
def side(x):
    print("side", x)
    return x
print(side(0) and side(1))
print(side(1) or side(2))
print(True + True, True * 3, False - 1, int(True), bool(2), bool(""), bool("a"))
print(1 if True else 2, 1 if 0 else 2, "yes" if [1] else "no")
