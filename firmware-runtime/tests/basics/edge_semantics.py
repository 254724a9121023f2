# edge semantics
class A:
    def __init__(self):
        self.items = []
    def __iter__(self):
        return iter(self.items)
a = A()
a.items.extend([3, 1, 2])
print(sorted(a), list(a), tuple(a), set(a) == {1, 2, 3})
print(list(enumerate(a, start=1)))
def gen():
    try:
        yield 1
        yield 2
    finally:
        print("gen cleanup")
for x in gen():
    print(x)
    break
print("after break")
g = gen()
next(g)
del g
import gc
gc.collect()
print("collected")
def f(*, a, b=2, **rest):
    return a, b, rest
print(f(a=1, c=3))
print((lambda *args: sum(args))(1, 2, 3))
s = "abc"
print(s.index("c"), s.find("d"), s * 2, s[::-2], "-".join(reversed(s)))
print([1, 2, 3][-1:-3:-1], list(range(10))[8:2:-2])
x = 10
def shadow():
    print(x)
shadow()
def unbound():
    try:
        print(y)
    except NameError as e:
        print("NameError:", e)
    y = 1
unbound()
def ul():
    try:
        print(z)
        z = 1
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
ul()
print(int.__name__, str(int), repr(str), type(len).__name__)
print(isinstance(print, type(len)), callable(str.upper))
d = dict(a=1)
d.update(b=2)
print(d, {k: v for k, v in d.items() if v > 1}, list(d.values()))
print(str(True), repr(None), str(1.0), int("-0"), float("-0"), -0.0 == 0.0)
print(max("apple", "banana", key=len), min([], default=None))
print(list(zip(*[[1, 2, 3], [4, 5, 6]])))
print(" a b ".strip().split(" "), "CamelCase".lower(), "x,y;z".replace(";", ",").split(","))
nested = {"a": {"b": {"c": 1}}}
print(nested["a"]["b"]["c"], nested.get("x", {}).get("y"))
lst = [3, 1, 2]
print(sorted(lst), lst, lst.sort(), lst)
print(7 // 2 * 2 + 7 % 2 == 7, 2 ** 3 ** 2, (2 ** 3) ** 2, -3 ** 2, 10 - 2 - 3)
print(not 1 == 2, 1 < 2 == 2, (1, 2) == (1, 2) != (2, 1))
i = 5
i = i + 1 if i < 10 else 0
print(i)
print(bool(0.0), bool(-1), 3 > 2 > 1, "b" > "a" > "")
t = ()
print(len(t), t == (), type(t).__name__, (1,) + t)
class Cnt:
    n = 0
    def __init__(self):
        Cnt.n += 1
        self.id = Cnt.n
objs = [Cnt() for _ in range(3)]
print([o.id for o in objs], Cnt.n)
