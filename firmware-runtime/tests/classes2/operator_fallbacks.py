class A:
    def __eq__(self, o):
        print("A.__eq__")
        return NotImplemented
class B:
    def __eq__(self, o):
        print("B.__eq__")
        return True
print(A() == B())
class N:
    def __add__(self, o):
        return NotImplemented
    def __radd__(self, o):
        return "radd"
print(1 + N())
try:
    N() + N()
except TypeError as e:
    print("TypeError", e)
class R:
    def __lt__(self, o):
        return "lt"
    def __gt__(self, o):
        return "gt"
print(R() < 1, 1 < R(), R() > 1)
class Len0:
    def __len__(self):
        return 0
print(bool(Len0()), not Len0())
