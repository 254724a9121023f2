def src():
    for i in range(3):
        print("produce", i)
        yield i
g = (x * 10 for x in src())
print("created")
print(next(g))
print(list(g))
print(sum(x for x in range(5)), max(x % 3 for x in range(10)))
gen = (i for i in range(3))
print(list(gen), list(gen))
nested = ((i, j) for i in range(2) for j in range(2))
print(list(nested))
