a = b = c = [1]
a.append(2)
print(a, b, c, a is c)
x, y = y, x = 1, 2
print(x, y)
i = 0
l = [0, 0, 0]
i, l[i] = 1, 5
print(i, l)
p = q = 0
p += 1
print(p, q)
(a, b), [c, d] = "ab", (3, 4)
print(a, b, c, d)
d = {}
d["k"] = d2 = {}
d2["x"] = 1
print(d)
