l = [3, 1, 4, 1, 5, 9, 2, 6]
print(l.index(1), l.index(1, 2), l.count(1), len(l))
l.insert(0, 0); l.insert(100, 99); l.insert(-1, 50)
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove(1)
print(l)
try:
    l.remove(99)
except ValueError as e:
    print("ValueError", e)
l.reverse(); print(l)
l.sort(); print(l)
c = l.copy(); c.clear(); print(c, l)
l.extend(range(2)); l.extend("ab"); print(l)
print([1, 2] * 2, [0] * 3, [[]] * 2, [1, 2] + [3], 2 in [1, 2])
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1] < [1, 0], [] == [])
m = [[0] * 2 for _ in range(2)]
m[0][0] = 1
print(m)
print(list.__name__, [].__len__(), [5, 6].__getitem__(1))
