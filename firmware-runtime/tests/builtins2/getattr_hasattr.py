class C:
    x = 1
    def m(self):
        return "m"
c = C()
print(getattr(c, "x"), getattr(c, "y", "default"), hasattr(c, "m"), hasattr(c, "nope"))
setattr(c, "y", 5)
print(c.y, vars(c))
delattr(c, "y")
print(hasattr(c, "y"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print("AttributeError", e)
print(getattr(c, "m")())
print(sorted(k for k in dir(c) if not k.startswith("_")))
