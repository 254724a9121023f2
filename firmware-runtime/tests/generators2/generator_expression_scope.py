x = 10
g = (x + i for i in range(3))
x = 20
print(list(g))
def f():
    y = 5
    return list(y * i for i in range(3))
print(f())
pairs = list((i, j) for i in range(3) for j in range(i))
print(pairs)
