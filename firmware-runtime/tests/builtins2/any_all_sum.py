print(any([]), all([]), any([0, 0, 1]), all([1, 1, 0]), all("abc"))
print(any(x > 3 for x in range(5)), all(x < 3 for x in range(5)))
print(sum([]), sum([1, 2, 3]), sum([0.5, 0.25]), sum([[1], [2]], []))
print(sum(range(101)), sum((1, 2), 3))
def gen():
    print("gen start")
    yield 1
    print("never")
    yield 0
print(any(gen()))
