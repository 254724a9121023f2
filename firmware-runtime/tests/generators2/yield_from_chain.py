def inner(n):
    for i in range(n):
        got = yield i
        if got:
            print("inner got", got)
    return n * 10
def middle():
    r1 = yield from inner(2)
    r2 = yield from inner(1)
    return r1 + r2
def outer():
    total = yield from middle()
    yield "total=%d" % total
g = outer()
print(next(g), g.send("hello"), next(g), next(g))
print(list(outer()))
def flatten(x):
    for v in x:
        if isinstance(v, list):
            yield from flatten(v)
        else:
            yield v
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
