class Slots:
    __slots__ = ('a', 'b')
    def __init__(self): self.a = 1
s = Slots()
try:
    s.c = 3
except AttributeError as e:
    print('AttributeError', e)
s.b = 2
print(s.a, s.b, hasattr(s, 'c'))
class Sub(Slots):
    __slots__ = 'c'
t = Sub(); t.c = 5; t.a = 1
try:
    t.d = 1
except AttributeError as e:
    print('AttributeError', e)
class Open(Slots):
    pass
o = Open(); o.z = 1; print(o.z)
class WithDict:
    __slots__ = ('x', '__dict__')
w = WithDict(); w.y = 2; print(w.y)
class P:
    __slots__ = ('_v',)
    @property
    def v(self): return self._v
    @v.setter
    def v(self, x): self._v = x
p = P(); p.v = 9; print(p.v)
