r = range(2, 20, 3)
print(list(r), len(r), r[0], r[-1], r[1:3], 5 in r, 6 in r)
print(r.index(8), r.count(8), range(5)[::-1], list(range(5)[::-2]))
print(list(range(10, 0, -3)), list(range(0)), len(range(-5)))
print(range(3) == range(0, 3), range(0) == range(5, 5))
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError", e)
print(repr(range(1, 5)), repr(range(3)), repr(range(1, 5, 2)))
print(sum(range(0, 1000, 7)), max(range(7)), min(range(3, 9)))
