a, b = 1, 2
a, b = b, a
print(a, b)
(c, d), e = (3, 4), 5
print(c, d, e)
first, *rest = [1, 2, 3, 4]
print(first, rest)
*init, last = "hello"
print(init, last)
a, *mid, z = range(6)
print(a, mid, z)
x = y = z = 7
print(x, y, z)
[p, q] = "pq"
print(p, q)
t = 1, 2, 3
print(t)
l = [0, 0, 0]
l[0], l[2] = 5, 6
print(l)
try:
    a, b = [1, 2, 3]
except ValueError as ex:
    print("ValueError", ex)
try:
    a, b, c = [1, 2]
except ValueError as ex:
    print("ValueError", ex)
