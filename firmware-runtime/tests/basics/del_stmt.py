x = 1
del x
try:
    print(x)
except NameError as e:
    print("NameError", e)
l = [1, 2, 3, 4, 5]
del l[0]
print(l)
del l[1:3]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
class O: pass
o = O()
o.attr = 5
del o.attr
print(hasattr(o, "attr"))
a, b = 1, 2
del a, b
