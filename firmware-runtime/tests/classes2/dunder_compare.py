import functools
class Ver:
    def __init__(self, s):
        self.t = tuple(int(p) for p in s.split("."))
    def __lt__(self, o):
        return self.t < o.t
    def __eq__(self, o):
        return self.t == o.t
    def __hash__(self):
        return hash(self.t)
    def __repr__(self):
        return ".".join(map(str, self.t))
vs = [Ver("1.10"), Ver("1.2"), Ver("1.2.1"), Ver("0.9")]
print(sorted(vs), max(vs), min(vs))
print(Ver("1.0") == Ver("1.0"), Ver("1.0") != Ver("1.1"), Ver("2") > Ver("1"))
print(len({Ver("1.0"), Ver("1.0")}))
class Only:
    pass
try:
    Only() < Only()
except TypeError as e:
    print("TypeError", e)
o = Only()
print(o == o, o != Only())
