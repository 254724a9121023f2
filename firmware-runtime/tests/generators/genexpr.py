g = (i * 2 for i in range(4))
print(list(g), list(g))
print(sum(x * x for x in range(10)), list(x for x in "abc" if x != "b"))
print(sorted((v, k) for k, v in {"a": 2, "b": 1}.items()))
nested = ((i, j) for i in range(2) for j in range(2))
print(list(nested))
def lazy():
    print("started")
    yield 1
g = lazy()
print("created")
print(next(g))
