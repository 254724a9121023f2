class K:
    def __init__(self, k): self.k = k
    def __eq__(self, o): return isinstance(o, K) and self.k == o.k
    def __hash__(self): return hash(self.k)
s = {K(1), K(1), K(2)}
print(len(s), K(1) in s, {K(3): "v"}[K(3)])
class NoHash:
    def __eq__(self, o): return True
try:
    hash(NoHash())
except TypeError as e:
    print("TypeError:", e)
class Ord:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v < o.v
    def __le__(self, o): return self.v <= o.v
    def __repr__(self): return f"O{self.v}"
print(sorted([Ord(3), Ord(1), Ord(2)]), Ord(1) < Ord(2), Ord(2) > Ord(1), Ord(1) >= Ord(1))
print(max([Ord(5), Ord(9)]), min(Ord(5), Ord(9)))
class E:
    pass
e = E()
print(e == e, e != E(), e == 1)
