from collections import namedtuple

P = namedtuple('P', 'x y')
p = P(1, y=2)
print(p, p.x, p.y, p[0], p[-1], len(p), list(p), tuple(p))
print(isinstance(p, tuple), isinstance(p, P), type(p).__name__, P._fields)
print(p == (1, 2), p == P(1, 2), hash(p) == hash((1, 2)), p < (1, 3), p + (3,))
x, y = p
print(x, y, p._replace(x=5), p._asdict(), P._make([7, 8]), p.count(1), p.index(2))
print('%d-%d' % p, '{}+{}'.format(*p), sorted([P(2, 1), P(1, 2)]), max(P(1, 9)))
try:
    p.x = 3
except AttributeError:
    print('AttributeError on set')
try:
    p.z = 3
except AttributeError:
    print('AttributeError on new attr')
try:
    P(1)
except TypeError:
    print('TypeError missing')
try:
    p._replace(z=1)
except ValueError as e:
    print('ValueError', e)
Q = namedtuple('Q', ['a', 'b', 'c'], defaults=[0, 1])
print(Q(5), Q(5, 6), Q(a=1, c=3), Q._field_defaults)

class Point(namedtuple('Point', 'x y')):
    def dist(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5
    def __repr__(self):
        return 'Pt(%d, %d)' % self
pt = Point(3, 4)
print(pt.dist(), pt, isinstance(pt, tuple), pt._replace(y=0), {pt: 'a'}[(3, 4)])
