class MyList(list):
    def sum(self):
        return sum(self)
l = MyList([1, 2, 3])
l.append(4)
print(l, l.sum(), len(l), l[1:], type(l).__name__, isinstance(l, list))
class MyDict(dict):
    def __missing__(self, k):
        return k * 2
d = MyDict(a=1)
print(d["a"], d["zz"], d.get("zz"), len(d))
class Default(dict):
    def __getitem__(self, k):
        return super().__getitem__(k) if k in self else "dflt"
print(Default(x=1)["x"], Default()["y"])
