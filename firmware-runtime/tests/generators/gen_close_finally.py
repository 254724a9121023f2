def g():
    try:
        yield 1
        yield 2
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("finally in gen")
it = g()
print(next(it))
it.close()
print("closed")
def g2():
    yield 1
x = g2()
x.close()
print(list(x))
def counter():
    i = 0
    while True:
        try:
            yield i
        finally:
            i += 1
c = counter()
print(next(c), next(c), next(c))
c.close()
