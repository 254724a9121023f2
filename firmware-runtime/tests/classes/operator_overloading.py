class Vec:
    def __init__(self, x, y): self.x, self.y = x, y
    def __add__(self, o): return Vec(self.x + o.x, self.y + o.y)
    def __sub__(self, o): return Vec(self.x - o.x, self.y - o.y)
    def __mul__(self, k): return Vec(self.x * k, self.y * k)
    __rmul__ = __mul__
    def __truediv__(self, k): return Vec(self.x / k, self.y / k)
    def __floordiv__(self, k): return Vec(self.x // k, self.y // k)
    def __mod__(self, k): return Vec(self.x % k, self.y % k)
    def __pow__(self, k): return Vec(self.x ** k, self.y ** k)
    def __neg__(self): return Vec(-self.x, -self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __eq__(self, o): return (self.x, self.y) == (o.x, o.y)
    def __lt__(self, o): return abs(self) < abs(o)
    def __repr__(self): return f"Vec({self.x}, {self.y})"
    def __iter__(self):
        yield self.x
        yield self.y
    def __getitem__(self, i): return (self.x, self.y)[i]
    def __contains__(self, v): return v in (self.x, self.y)
    def __bool__(self): return bool(self.x or self.y)
    def __hash__(self): return hash((self.x, self.y))
a, b = Vec(1, 2), Vec(3, 4)
print(a + b, a - b, a * 3, 3 * a, b / 2, b // 2, b % 3, a ** 2, -a, abs(b))
print(a == Vec(1, 2), a != b, a < b, max(a, b), sorted([b, a]))
x, y = a
print(x, y, a[1], 2 in a, bool(Vec(0, 0)), list(b), {a: "a"}[Vec(1, 2)])
c = a
c += b
print(c, a)
class Num:
    def __init__(self, v): self.v = v
    def __radd__(self, other): return Num(self.v + other)
    def __repr__(self): return f"Num({self.v})"
print(1 + Num(2), sum([Num(1), Num(2)], 0) if False else 5 + Num(5))
