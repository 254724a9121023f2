x = 1
del x
print("x" in dir())
l = [1, 2, 3, 4]
del l[0], l[-1]
print(l)
d = {"a": 1, "b": 2}
del d["a"]
print(d)
try:
    del d["zz"]
except KeyError as e:
    print("KeyError", e)
class O: pass
o = O()
o.a = 1
del o.a
print(hasattr(o, "a"))
try:
    del o.a
except AttributeError as e:
    print("AttributeError")
a, b = 1, 2
del a, b
try:
    print(a)
except NameError as e:
    print(e)
