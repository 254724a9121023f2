class Grid:
    def __init__(self):
        self.d = {}
    def __getitem__(self, k):
        return self.d.get(k, 0)
    def __setitem__(self, k, v):
        self.d[k] = v
    def __delitem__(self, k):
        del self.d[k]
    def __contains__(self, k):
        return k in self.d
    def __len__(self):
        return len(self.d)
    def __iter__(self):
        return iter(sorted(self.d))
g = Grid()
g[1, 2] = 5
g["a"] = 1
print(g[1, 2], g[9], (1, 2) in g, len(g), list(g) if False else sorted(g.d.items(), key=str))
del g["a"]
print(len(g), "a" in g)
class S:
    def __getitem__(self, s):
        return s
s = S()
print(s[1:2], s[::3], s[1, 2:3], s[...])
