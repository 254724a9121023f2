class P:
    x = 1
p = P()
print(getattr(p, "x"), getattr(p, "y", "dflt"), hasattr(p, "x"), hasattr(p, "zz"))
setattr(p, "y", 5)
print(p.y, getattr(p, "y"))
delattr(p, "y")
print(hasattr(p, "y"))
try:
    getattr(p, "nope")
except AttributeError as e:
    print("AttributeError:", e)
