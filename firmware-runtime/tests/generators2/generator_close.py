def g():
    try:
        for i in range(5):
            yield i
    except GeneratorExit:
        print("GeneratorExit seen")
        raise
    finally:
        print("cleanup")
it = g()
print(next(it), next(it))
it.close()
it.close()
print(list(it))
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError", e)
def never_started():
    print("body")
    yield
ns = never_started()
ns.close()
print("closed unstarted")
