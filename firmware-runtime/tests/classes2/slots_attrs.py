class Pt:
    cls_attr = "shared"
    def __init__(self, x):
        self.x = x
a, b = Pt(1), Pt(2)
a.cls_attr = "own"
print(a.cls_attr, b.cls_attr, Pt.cls_attr)
Pt.cls_attr = "changed"
print(a.cls_attr, b.cls_attr)
print(sorted(a.__dict__), b.__dict__)
b.__dict__["y"] = 5
print(b.y)
print(Pt.__name__, Pt.__qualname__, Pt.__module__)
def method(self):
    return self.x * 10
Pt.m = method
print(a.m(), b.m())
