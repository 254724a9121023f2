class Tagged(str):
    kind = 'tag'
    def __init__(self, value):
        self.count = 0
    def bump(self):
        self.count += 1
        return self

t = Tagged('v')
t.bump().bump()
print(t, t.count, t.kind, vars(t), hasattr(t, 'count'), getattr(t, 'nope', None))
del t.count
print(hasattr(t, 'count'), t.__dict__)
t.__dict__['z'] = 1
print(t.z, sorted(dir(t))[:0])

class Big(tuple):
    @classmethod
    def of(cls, *xs):
        return cls(xs)
    @staticmethod
    def helper():
        return 'h'
    @property
    def size(self):
        return len(self)
b = Big.of(1, 2, 3)
print(b, b.size, Big.helper(), b.helper(), type(b).__name__)
b.name = 'x' * 100
print(len(b.name), b, len(b), b[2])
many = [Big.of(i, i) for i in range(200)]
for k, x in enumerate(many):
    x.k = k
import gc
gc.collect()
print(sum(x.k for x in many), many[150], many[150].k, many[-1].__dict__)

class Slotted(tuple):
    __slots__ = ()
try:
    Slotted((1,)).attr = 1
except AttributeError:
    print('no __dict__ with __slots__ = ()')
print(Slotted((1, 2)), hasattr(Slotted(()), '__dict__'))
