print(range(4), bool(range(0)), len(range(1, 4, -1)), len(range(4, 1, -2)))
print(range(4)[1:-2:2], range(1, 4)[:-1], range(7, -2, -4)[:], range(1, 2, 3).step)
for bad in ("-range(1)",):
    try:
        eval(bad)
    except TypeError:
        print("TypeError")
try:
    range(1)[0] = 1
except TypeError:
    print("TypeError")
try:
    range(4).start = 0
except AttributeError:
    print("AttributeError")
property(); property(1, 2, 3)
p = property(); p.getter(1); p.setter(2); p.deleter(3)
class D:
    prop = property()
d = D()
for op in ("get", "set", "del"):
    try:
        if op == "get": d.prop
        elif op == "set": d.prop = 1
        else: del d.prop
    except AttributeError:
        print("AttributeError", op)
class E:
    p = property(lambda self: 42, doc="doc")
print(E().p)
class F:
    def __init__(self):
        self.prop_member = property()
print(type(F().prop_member))
print(type(repr([].append)))
import builtins
builtins.abs = lambda x: x + 1
print(abs(1))
def scope0():
    any((var0 := i) for i in range(2))
    return var0
print(scope0(), globals().get("var0", None))
print(min(enumerate([]), default=-10), min(4, 3, 2, 1, key=lambda x: -x))
orig = __build_class__
builtins.__build_class__ = lambda f, name: ("class", name)
class A:
    pass
print(A)
builtins.__build_class__ = orig
class B:
    pass
print(B.__name__)
import sys
print("builtins" in sys.modules, builtins.len("abc"), builtins.__name__)
