class Point:
    dims = 2
    def __init__(self, x, y):
        self.x = x
        self.y = y
    def norm2(self):
        return self.x ** 2 + self.y ** 2
    def __repr__(self):
        return f"Point({self.x}, {self.y})"
    def __str__(self):
        return f"({self.x}, {self.y})"
    def __eq__(self, other):
        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)
    def __add__(self, o):
        return Point(self.x + o.x, self.y + o.y)
p = Point(3, 4)
print(p, repr(p), str(p), p.norm2(), Point.dims, p.dims, [p])
print(p == Point(3, 4), p != Point(0, 0), p + Point(1, 1))
p.z = 5
print(p.z, sorted(p.__dict__.items()))
print(type(p).__name__, isinstance(p, Point), Point.__name__)
