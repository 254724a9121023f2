def trace(fn):
    def inner(*args):
        print("call", fn.__name__, args)
        return fn(*args)
    inner.__name__ = fn.__name__
    return inner
@trace
def add(a, b):
    return a + b
print(add(1, 2))
def repeat(n):
    def deco(fn):
        def inner():
            return [fn() for _ in range(n)]
        return inner
    return deco
@repeat(3)
def one():
    return 1
print(one())
def register(registry):
    def deco(fn):
        registry.append(fn.__name__)
        return fn
    return deco
reg = []
@register(reg)
def a(): pass
@register(reg)
def b(): pass
print(reg)
class C:
    @staticmethod
    @trace
    def s(x):
        return x * 2
print(C.s(4))
