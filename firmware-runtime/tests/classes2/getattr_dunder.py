class Proxy:
    def __init__(self, target):
        self._t = target
    def __getattr__(self, name):
        print("delegating", name)
        return getattr(self._t, name)
p = Proxy([3, 1, 2])
p.append(0)
print(p._t, p.count(1))
class Rec:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
    def __delattr__(self, k):
        print("del", k)
        object.__delattr__(self, k)
r = Rec()
r.a = 1
del r.a
print(hasattr(r, "a"))
