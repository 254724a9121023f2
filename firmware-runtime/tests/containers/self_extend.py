l = [1, 2]
l += l
l.extend(l)
print(l)
l[1:3] = l
print(l)
s = {1, 2}
s |= s
print(s)
d = {1: 2}
d.update(d)
print(d)
x = [[]] * 3
x[0].append(1)
print(x)
