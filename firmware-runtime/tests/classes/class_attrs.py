class C:
    shared = []
    def __init__(self, v):
        self.v = v
    def add(self, x):
        self.shared.append(x)
a, b = C(1), C(2)
a.add(1); b.add(2)
print(C.shared, a.shared is b.shared)
a.shared = ["own"]
print(a.shared, b.shared, C.shared)
C.new_attr = 5
print(a.new_attr, getattr(b, "new_attr"))
def method(self): return self.v * 10
C.m = method
print(a.m(), b.m())
print(C.__dict__["shared"] is C.shared, "add" in C.__dict__)
class Empty: pass
e = Empty()
print(type(e).__name__, e.__class__.__name__, isinstance(e, object))
