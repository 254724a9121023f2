def g(x, /, y):
    return x + y
print(g(1, y=2), g(1, 2))
for call in (lambda: g(x=1, y=2), lambda: g(1, x=2)):
    try:
        print(call())
    except TypeError as e:
        print('TypeError', e)
def h(a, b=2, /, c=3, *, d=4, **kw):
    return a, b, c, d, kw
print(h(1), h(1, 5, c=6, d=7), h(1, a=9, b=8))
class P:
    def m(self, v, /):
        return v
print(P().m(3))
try:
    P().m(v=3)
except TypeError as e:
    print('TypeError', e)
print((lambda p, /, q: p * q)(2, q=3))
