class T(tuple):
    pass
class S(str):
    pass
class I(int):
    pass
class F(float):
    pass
class B(bytes):
    pass

t, s, i, f, b = T((1, 2)), S('ab'), I(5), F(2.5), B(b'xy')
for v in (t[:], t[0:2], tuple(t), s[:], str(s), s[0:2], int(i), +i, i.real, i.__index__(), float(f), +f, f.real,
          b[:], bytes(b), i.conjugate(), round(f), abs(f), -f, i * 1, i + 0, f * 1, t * 1, t + (), b * 1, b + b''):
    print(repr(v), type(v).__name__)
print(type(t).__name__, t.__class__.__name__, s.__class__ is S, type(i)(7), type(f)(1), type(s)('z'))
print(isinstance(i, (str, int)), isinstance(s, (T, S)), type(i) in (I, int), type(i) == int)
print(T(range(3)), T(x for x in 'ab'), S(12), S(b'hi'), S(b'hi', 'ascii'), I(' 42 '), I(b'7'), F(I(3)), I(F(3.7)))
print(str(T((S('a'),))), str([I(1), F(0.5)]), repr({S('k'): T(())}))
print(b.hex(), b.decode(), b.upper(), b.replace(b'x', b'z'), b.startswith(b'x'), B(b'a,b').split(b','), type(b.upper()).__name__)
print(hash(t) == hash((1, 2)), hash(s) == hash('ab'), hash(i) == hash(5), hash(f) == hash(2.5), hash(b) == hash(b'xy'))
