class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, v):
        self.items.append(v)
        return self
    def __len__(self):
        return len(self.items)
a = Acc()
b = a
a += 1
a += 2
print(a is b, len(a), a.items)
class NoI:
    def __init__(self, v):
        self.v = v
    def __add__(self, o):
        return NoI(self.v + o)
n = NoI(1)
m = n
n += 5
print(n.v, m.v, n is m)
