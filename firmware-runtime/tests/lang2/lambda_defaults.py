f = lambda x, y=2, *a, **k: (x, y, a, sorted(k))
print(f(1))
print(f(1, 3, 4, 5, z=6))
print((lambda: "noargs")())
print(sorted([3, 1, 2], key=lambda v: -v))
def mk(v=[]):
    v.append(1)
    return v
print(mk(), mk(), mk([0]))
def kwonly(*, a=1, b):
    return a, b
print(kwonly(b=2))
print(f.__name__, mk.__name__)
print(mk.__defaults__ is not None)
def deco(fn):
    def wrapper(*a, **k):
        return "<" + str(fn(*a, **k)) + ">"
    return wrapper
@deco
def hi(name):
    return "hi " + name
print(hi("bob"))
