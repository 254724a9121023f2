def inner():
    x = yield 1
    print("inner got", x)
    yield 2
    return "inner-ret"
def outer():
    r = yield from inner()
    print("outer got", r)
    yield from [10, 20]
    yield from range(2)
g = outer()
print(next(g), g.send("S"), next(g), next(g), next(g), next(g))
print(list(outer()))
def flatten(x):
    for i in x:
        if isinstance(i, list):
            yield from flatten(i)
        else:
            yield i
print(list(flatten([1, [2, [3, 4]], 5])))
def delegating_throw():
    def sub():
        try:
            yield "a"
        except KeyError:
            yield "handled"
    yield from sub()
d = delegating_throw()
print(next(d), d.throw(KeyError))
