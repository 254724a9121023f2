t = (1, 2, 3, 2)
print(t.count(2), t.index(3), len(t), t[1:], t * 2, t + (4,), 2 in t)
print((1,), (), tuple(), (1, 2) < (1, 2, 0), (2,) > (1, 9), max((1, 5, 2)))
a, b = (1, 2)
print(a, b, type(()).__name__, hash((1, 2)) == hash((1, 2)))
nested = ((1, 2), (3, (4, 5)))
print(nested[1][1][0], len(nested))
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
try:
    t.index(99)
except ValueError as e:
    print("ValueError", e)
print(sorted(((2, "b"), (1, "a"))), tuple(reversed(t)))
