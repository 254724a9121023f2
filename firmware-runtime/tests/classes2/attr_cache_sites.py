# The same attribute sites run over and over while classes change under them.
class A:
    def __init__(self, x):
        self.x = x


def get(o):
    return o.x


def put(o, v):
    o.x = v


a, b = A(1), A(2)
for i in range(3):
    print(get(a), get(b))
put(a, 10)
print(get(a))
# another instance with a different dict layout
c = A.__new__(A)
c.y = 0
c.x = 5
print(get(c), get(a))
# a property added to the class later takes over both reads and writes
A.x = property(lambda self: 'prop', lambda self, v: print('setter', v))
print(get(a), get(c))
put(a, 7)
del A.x
print(get(a))
# a data descriptor on a base class added later
class D:
    def __get__(self, obj, typ=None): return 'desc'
    def __set__(self, obj, v): print('desc set', v)
class B(A):
    pass
bb = B(3)
print(get(bb))
A.x = D()
print(get(bb), get(a))
put(bb, 4)
del A.x
print(get(bb))
# __setattr__ defined later
def sa(self, n, v):
    print('setattr', n, v)
    object.__setattr__(self, n, v)
put(a, 1)
A.__setattr__ = sa
put(a, 2)
print(get(a))
del A.__setattr__
put(a, 3)
print(get(a))
# deleting the instance attribute
del a.x
try:
    get(a)
except AttributeError as e:
    print('AttributeError', e)
put(a, 9)
print(get(a))
# polymorphic site
class E:
    x = 'class attr'
for o in (a, E(), b, E()):
    print(get(o))
# __getattr__ fallback still works when the dict lacks the name
class G:
    def __getattr__(self, n): return 'missing ' + n
g = G(); g.x = 1
print(get(g)); del g.x; print(get(g))
# __dict__ replaced wholesale
a.__dict__.clear()
try:
    get(a)
except AttributeError:
    print('gone')
a.x = 'back'
print(get(a))
