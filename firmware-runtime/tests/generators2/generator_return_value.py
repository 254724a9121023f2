def g():
    x = yield 1
    return "got %s" % x
it = g()
next(it)
try:
    it.send("val")
except StopIteration as e:
    print(e.value, e.args)
def g2():
    return 5
    yield
try:
    next(g2())
except StopIteration as e:
    print(e.value)
def g3():
    yield 1
print(list(g3()))
