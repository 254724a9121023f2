l = list(range(10))
print(l[2:5], l[:3], l[7:], l[::3], l[::-1], l[-3:], l[5:2:-1], l[100:])
l[2:4] = ["a", "b", "c"]; print(l)
l[::2] = [0] * 6; print(l)
del l[::3]; print(l)
l[:] = [1, 2]; print(l)
l[1:1] = [9, 9]; print(l)
m = [1, 2, 3]
m[len(m):] = [4]; print(m)
print(m * 2, [0] * 3, m + [5], [[]] * 2)
a = [1, 2]; b = a; a += [3]; print(a, b, a is b)
print([1, 2] == [1, 2], [1, 2] < [1, 3], [1, [2, 3]] == [1, [2, 3]])
nested = [[1, 2], [3, 4]]
print(nested[1][0], [row[1] for row in nested])
