t = (1, 2, 3)
print(t, t[0], t[-1], t[1:], len(t), t + (4,), t * 2, 2 in t, t.index(3), t.count(1))
print((), (1,), tuple([1, 2]), tuple("ab"), (1, 2) == (1, 2), (1, 2) < (1, 2, 0))
a, b, c = t
print(a, b, c)
print(hash((1, "a")) == hash((1, "a")), {(1, 2): "x"}[(1, 2)])
try:
    t[0] = 5
except TypeError as e:
    print("TypeError", e)
print(max((1, 5, 3)), sorted((3, 1, 2)), tuple(x * 2 for x in t))
