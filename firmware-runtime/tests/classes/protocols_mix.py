class Ticker:
    def __init__(self, n): self.n = n; self.i = 0
    def __aiter__(self): return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i
async def main():
    out = []
    async for v in Ticker(3):
        out.append(v)
    return out
c = main()
try:
    c.send(None)
except StopIteration as e:
    print(e.value)
class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        return "$" + format(self.v, spec or ".2f")
print(f"{Money(3.5)}", "{:>8.1f}".format(Money(2)), format(Money(1)))
class Sliceable:
    def __getitem__(self, k):
        if isinstance(k, slice):
            return ("slice", k.start, k.stop, k.step)
        return ("item", k)
s = Sliceable()
print(s[1], s[1:5], s[::2], s[:, 1] if False else s["k"])
class Base:
    @property
    def name(self): return "base"
class Derived(Base):
    @property
    def name(self): return "derived+" + super().name
print(Derived().name)
class WithClassVar:
    registry = {}
    @classmethod
    def register(cls, key):
        def deco(f):
            cls.registry[key] = f
            return f
        return deco
@WithClassVar.register("a")
def handler_a(): return "A"
print(WithClassVar.registry["a"]())
class Cmp:
    def __init__(self, v): self.v = v
    def __eq__(self, o):
        if not isinstance(o, Cmp): return NotImplemented
        return self.v == o.v
print(Cmp(1) == Cmp(1), Cmp(1) == 1, 1 == Cmp(1), Cmp(1) != Cmp(2))
class Parent:
    def __init__(self, a):
        self.a = a
class Child(Parent):
    def __init__(self, a, b):
        super(Child, self).__init__(a)
        self.b = b
ch = Child(1, 2)
print(ch.a, ch.b, vars(ch))
class CM:
    @classmethod
    def create(cls):
        return super().__new__(cls)
print(type(CM.create()).__name__)
def gen_exc():
    try:
        yield 1
        raise ValueError("in gen")
    except ValueError as e:
        yield str(e)
print(list(gen_exc()))
print(sorted({"b": 1, "a": 2}), list({"x": 1}.items())[0], dict([("a", 1), ("b", 2)]))
print([*range(3), *"ab"], {*[1, 2], *[2, 3]}, {**{"a": 1}, **{"b": 2}})
first, *_ = [1, 2, 3]
print(first, _)
