class K:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return isinstance(o, K) and self.v == o.v
    def __hash__(self):
        return hash(self.v)
d = {K(1): "one"}
print(d[K(1)], K(1) in d, K(2) in d)
class NoHash:
    def __eq__(self, o):
        return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError", e)
class Default:
    pass
x = Default()
print(hash(x) == hash(x), x == x, x != Default())
s = {K(1), K(1), K(2)}
print(len(s))
