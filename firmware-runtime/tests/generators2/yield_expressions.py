def echo():
    r = None
    while True:
        r = yield r
        if r == "stop":
            return
e = echo()
next(e)
print(e.send(1), e.send("two"), e.send([3]))
def two_way():
    a = yield
    b = yield a * 2
    yield a + b
t = two_way()
next(t)
print(t.send(5), t.send(7))
def yield_in_expr():
    x = (yield 1) + (yield 2)
    yield x
y = yield_in_expr()
print(next(y), y.send(10), y.send(20))
