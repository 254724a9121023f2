def acc():
    total = 0
    while True:
        x = yield total
        if x is None:
            break
        total += x
    return total
g = acc()
print(next(g), g.send(5), g.send(10))
try:
    g.send(None)
except StopIteration as e:
    print("final", e.value)
def echo():
    received = []
    try:
        while True:
            v = yield
            received.append(v)
    finally:
        print("closing with", received)
e = echo()
next(e); e.send(1); e.send(2)
e.close()
def thrower():
    try:
        yield 1
    except ValueError as ex:
        print("caught in gen", ex)
        yield 2
    yield 3
t = thrower()
print(next(t), t.throw(ValueError("boom")), next(t))
