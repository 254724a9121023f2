class V:
    def __init__(self, *xs): self.xs = list(xs)
    def __len__(self): return len(self.xs)
    def __getitem__(self, i): return self.xs[i]
    def __setitem__(self, i, v): self.xs[i] = v
    def __delitem__(self, i): del self.xs[i]
    def __contains__(self, x): return x in self.xs
    def __iter__(self): return iter(self.xs)
    def __repr__(self): return "V" + repr(tuple(self.xs))
    def __bool__(self): return bool(self.xs)
    def __call__(self, k): return k * len(self)
    def __neg__(self): return V(*[-x for x in self.xs])
    def __mul__(self, k): return V(*[x * k for x in self.xs])
    def __rmul__(self, k): return self * k
    def __iadd__(self, other):
        self.xs += other.xs
        return self
    def __lt__(self, o): return len(self) < len(o)
    def __hash__(self): return 7
v = V(1, 2, 3)
print(len(v), v[0], v[-1], 2 in v, 9 in v, list(v), v, bool(V()), v(10), -v, v * 2, 3 * v)
v[0] = 100; del v[1]; print(v)
v += V(7); print(v)
print(V(1) < V(1, 2), sorted([V(1, 2), V(1)]), hash(v), {v: 1}[v])
class Seq:
    def __getitem__(self, i):
        if i >= 3: raise IndexError
        return i * 10
print(list(Seq()), 20 in Seq())
