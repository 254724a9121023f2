vals = [0, 1, "", "a", None, [], [0], 0.0, -1]
print([bool(v) for v in vals])
print([v for v in vals if v])
print(True and "yes", False or "fallback", None and 1, [] or {} or "last")
print(True + 1, True == 1, True is 1 == 1 if False else "skip", False * 10)
print(all([True, 1, "x"]), any([None, 0]), not not "x")
x = 5
print(0 < x < 10 and x % 2 == 1, x > 10 or x < 0)
print(isinstance(True, int), bool.__name__, bool(bool))
print(True & False, True | False, True ^ True, ~True)
