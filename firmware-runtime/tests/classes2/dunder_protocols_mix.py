def section(name):
    print("==", name)
section("__len__ bool"); 
class L:
    def __len__(self): return 3
print(len(L()), bool(L()))
section("__contains__ fallback to __iter__")
class I:
    def __iter__(self): return iter([1, 2])
print(1 in I(), 5 in I())
section("__index__ in slicing")
class Ix:
    def __index__(self): return 2
print([1,2,3,4][Ix()], [1,2,3,4][:Ix()], "abc"[Ix()], range(10)[Ix()])
section("__hash__ None")
class H:
    __hash__ = None
try:
    hash(H())
except TypeError as e:
    print("TypeError", e)
section("__eq__ subclass priority")
class Base:
    def __eq__(self, o):
        return "base"
class Sub(Base):
    def __eq__(self, o):
        return "sub"
print(Base() == Sub(), Sub() == Base())
section("__radd__ with builtin")
class M:
    def __radd__(self, o): return ("radd", o)
print(5 + M(), "s" + M(), [1] + M())
section("__iadd__ list alias")
a = [1]; b = a; a += [2]; print(b)
section("__getitem__ slice objects")
class S:
    def __getitem__(self, k): return (type(k).__name__, k.start if isinstance(k, slice) else k)
print(S()[1:5], S()[3])
section("__setattr__ via super")
class T:
    def __setattr__(self, k, v):
        super().__setattr__(k, v * 2)
t = T(); t.x = 5; print(t.x)
section("class attribute lookup via instance and type")
class Cnt:
    n = 0
    def __init__(self):
        type(self).n += 1
Cnt(); Cnt(); print(Cnt.n)
section("__str__ on exception subclass")
class E(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise E(5)
except E as e:
    print(e, e.code, repr(e))
section("__bool__ returning non-bool")
class BB:
    def __bool__(self): return 1
try:
    bool(BB())
except TypeError as e:
    print("TypeError", e)
section("__repr__ fallback for str")
class R:
    def __repr__(self): return "R!"
print(str(R()), f"{R()}", "%s" % R())
section("dunder call on class vs instance")
class CC:
    def __call__(self): return "inst"
print(CC()())
section("object() basics")
o = object()
print(type(o).__name__, o == o, o != object())
try:
    o.x = 1
except AttributeError as e:
    print("AttributeError")
section("__init_subclass__ kwargs")
class Plug:
    subs = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plug.subs[key] = cls.__name__
class P1(Plug, key="one"): pass
print(Plug.subs)
section("class with __slots__")
class Sl:
    __slots__ = ("a", "b")
    def __init__(self): self.a = 1
s = Sl(); print(s.a)
section("property on class returns property")
class PP:
    @property
    def v(self): return 1
print(type(PP.v).__name__, PP().v)
section("staticmethod via instance")
class SM:
    @staticmethod
    def f(x=1): return x
print(SM().f(), SM.f(2))
section("inheritance of class attributes and overriding")
class A1: x = 1
class B1(A1): pass
B1.x = 2
print(A1.x, B1.x)
del B1.x
print(B1.x)
section("isinstance of classes with metaclass")
class Meta(type):
    def __call__(cls, *a):
        return "intercepted"
class WithMeta(metaclass=Meta): pass
print(WithMeta())
section("__new__ returning other type")
class Weird:
    def __new__(cls): return 42
    def __init__(self): print("not called")
print(Weird())
section("dir on class")
class D:
    a = 1
    def m(self): pass
print([x for x in dir(D) if not x.startswith("__")])
section("__getattr__ only for missing")
class G:
    x = 1
    def __getattr__(self, n): return "missing:" + n
print(G().x, G().y)
section("sorting objects with __lt__ only")
class V:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __repr__(self): return "V%d" % self.v
print(sorted([V(3), V(1), V(2)]), max([V(3), V(5)]))
