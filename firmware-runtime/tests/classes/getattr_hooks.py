class Dyn:
    def __init__(self):
        self.real = 1
    def __getattr__(self, name):
        if name.startswith("x"):
            return name.upper()
        raise AttributeError(name)
d = Dyn()
print(d.real, d.xyz, hasattr(d, "nope"), getattr(d, "xa", None))
class Rec:
    def __setattr__(self, k, v):
        print("set", k, v)
        object.__setattr__(self, k, v)
r = Rec()
r.a = 1
print(r.a)
