def gen():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("gen caught", e)
        yield "recovered"
    finally:
        print("gen finally")
g = gen()
print(next(g))
print(g.throw(ValueError("injected")))
try:
    next(g)
except StopIteration:
    print("stopped")
def bad():
    yield 1
    raise KeyError("from gen")
try:
    for v in bad():
        print("got", v)
except KeyError as e:
    print("caught", e)
g2 = gen()
next(g2)
g2.close()
print("closed")
