def v(x):
    print("eval", x)
    return x
print(v(1) < v(2) < v(3))
print(v(3) < v(2) < v(1))
print(1 < 2 > 1, 1 == 1 == 1, 1 != 2 != 1)
print(1 in [1, 2] in [[1, 2]])
print(None is None is not False)
print("a" < "b" < "c", (1, 2) < (1, 3), [1] < [1, 0])
print(sorted([(2, "b"), (1, "z"), (2, "a")]))
try:
    1 < "a"
except TypeError as e:
    print("TypeError", e)
