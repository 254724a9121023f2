# language probes
def section(name):
    print("==", name)
section("kwargs order")
def g(**kw):
    return list(kw)
print(g(z=1, a=2, m=3))
section("default mutation")
def h(x, acc={}):
    acc[x] = len(acc)
    return acc
h(1); print(h(2))
section("nonlocal in nested loops")
def outer():
    total = 0
    def add(v):
        nonlocal total
        total += v
    for i in range(5):
        add(i)
    return total
print(outer())
section("class in function")
def factory(n):
    class Local:
        val = n
        def get(self):
            return self.val * n
    return Local
print(factory(3)().get(), factory(4).__name__, factory(2).__qualname__)
section("lambda closures in class")
class K:
    fs = [(lambda i=i: i) for i in range(3)]
print([f() for f in K.fs])
section("generator in class body")
print(sorted(set(x % 3 for x in range(10))))
section("chained methods")
print("  Hello World  ".strip().lower().replace("world", "there").split())
section("globals in exec")
g = {}
exec("x = 5\ny = x * 2", g)
print(g["y"], eval("y + 1", g))
print(eval("1 + 2"), eval("[i for i in range(3)]"))
section("ternary chains and walrus")
print([(y := x * 2) for x in range(3)], y)
section("string comparisons in sort")
print(sorted(["b", "a", "C", "_", "1"]))
section("int/float mixing")
print(1 + 2.0, 3 * 0.5, 7 // 2.0, 2 ** -2, 10 / 5, type(10 / 5).__name__)
section("nested data")
data = {"users": [{"name": "a", "tags": ["x", "y"]}, {"name": "b", "tags": []}]}
print([u["name"] for u in data["users"] if u["tags"]], sum(len(u["tags"]) for u in data["users"]))
section("unpack in for with dict items")
for k, (a, b) in {"p": (1, 2), "q": (3, 4)}.items():
    print(k, a + b)
section("slice assignment from generator")
l = list(range(5))
l[1:3] = (x * 10 for x in range(3))
print(l)
section("del slice step")
l = list(range(10)); del l[1::3]; print(l)
section("list comprehension with multiple ifs")
print([x for x in range(20) if x % 2 if x % 3])
section("dict comprehension nested")
print({k: {v: v * 2 for v in range(k)} for k in range(3)})
section("is operators on small ints/strings")
a = 256; b = 256
print(a is b, "ab" == "a" + "b")
section("exception in __repr__")
class BadRepr:
    def __repr__(self):
        raise ValueError("bad repr")
try:
    repr(BadRepr())
except ValueError as e:
    print("ValueError", e)
section("getattr default with property raising")
class P:
    @property
    def x(self):
        raise AttributeError("nope")
print(getattr(P(), "x", "dflt"), hasattr(P(), "x"))
section("super in classmethod")
class A:
    @classmethod
    def make(cls):
        return cls.__name__
class B(A):
    @classmethod
    def make(cls):
        return "B:" + super().make()
print(B.make())
section("__class__ and type()")
class C: pass
c = C()
print(c.__class__ is C, type(c) is C, C.__class__ is type)
section("isinstance with abstract")
print(isinstance([], (list, tuple)), isinstance(1.0, (int,)))
section("printing special floats")
print(float("inf"), -float("inf"), float("nan"), 1e-320 > 0)
section("int division by negative")
print([(a // b, a % b) for a in (7, -7) for b in (2, -2)])
section("augmented assignment to subscripts with side effects")
def idx():
    print("idx called")
    return 0
arr = [10]
arr[idx()] += 1
print(arr)
section("string formatting of objects")
print("%s|%r" % (C.__name__, "x"), "{}".format([1, "a"]), f"{'x'!r:>5}")
