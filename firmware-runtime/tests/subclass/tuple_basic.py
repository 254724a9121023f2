class Point(tuple):
    def __new__(cls, x, y):
        return super().__new__(cls, (x, y))
    @property
    def x(self):
        return self[0]
    @property
    def y(self):
        return self[1]
    def norm2(self):
        return self.x * self.x + self.y * self.y

p = Point(3, 4)
print(p, len(p), p[0], p[1], p[-1], p[0:1])
print(p.x, p.y, p.norm2())
print(type(p) is Point, isinstance(p, tuple), type(p).__name__)
print(p == (3, 4), (3, 4) == p, p != (3, 5), p < (3, 5), hash(p) == hash((3, 4)))
print(list(p), tuple(p), 3 in p, 5 in p)
print(p + (5,), type(p + (5,)).__name__, p * 2)
a, b = p
print(a, b, sorted(p, reverse=True), max(p), p.index(4), p.count(3))
d = {p: 'pt'}
print(d[(3, 4)], d[Point(3, 4)])
p.label = 'origin'
print(p.label, p.__dict__)
print('%s-%s' % (p[0], p[1]), '{}'.format(p), f'{p!r}')
