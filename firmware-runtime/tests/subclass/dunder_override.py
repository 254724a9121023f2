class Caseless(str):
    def __eq__(self, other):
        return self.lower() == str(other).lower()
    def __hash__(self):
        return hash(self.lower())
    def __repr__(self):
        return 'Caseless(%s)' % str.__repr__(self)

a = Caseless('Hello')
print(a == 'hello', 'HELLO' == a, a != 'x', repr(a), str(a), [a], f'{a}', '%s %r' % (a, a))
print(hash(a) == hash('hello'), {a: 1}[Caseless('HELLO')])

class Vec(tuple):
    def __add__(self, other):
        return Vec(x + y for x, y in zip(self, other))
    def __mul__(self, k):
        return Vec(x * k for x in self)
    def __repr__(self):
        return 'Vec%s' % tuple.__repr__(self)
    def __len__(self):
        return 99
    def __getitem__(self, i):
        return tuple.__getitem__(self, i) * 10

v = Vec((1, 2))
w = v + Vec((10, 20))
print(w, v * 3, len(v), v[1], type(w).__name__, tuple(v), list(v))

class Money(int):
    def __str__(self):
        return '$' + str(int(self))
    def __add__(self, other):
        return Money(int(self) + int(other))
    __radd__ = __add__
    def __lt__(self, other):
        return int(self) > int(other)

m = Money(5)
print(m, repr(m), m + 2, 3 + m, type(3 + m).__name__, sum([Money(1), Money(2)], Money(0)))
print(m < 3, sorted([Money(1), Money(3), Money(2)]), f'{m}', '%s' % m, str(m))

class Approx(float):
    def __eq__(self, other):
        return abs(self - other) < 0.01
    __hash__ = float.__hash__
    def __bool__(self):
        return self > 0.5
print(Approx(1.0) == 1.001, Approx(1.0) == 1.1, bool(Approx(0.3)), bool(Approx(0.7)), hash(Approx(2.0)) == hash(2.0))
