print(hash(1) == hash(1.0), hash("a") == hash("a"), hash((1, 2)) == hash((1, 2)))
print(hash(True) == hash(1), hash(0) == hash(False) == hash(0.0))
try:
    hash([1])
except TypeError as e:
    print("TypeError", e)
try:
    hash({})
except TypeError as e:
    print("TypeError", e)
a = [1]
b = a
print(id(a) == id(b), a is b, [1] is [1])
d = {1: "int", 1.0: "float", True: "bool"}
print(d)
print({(1, 2): "t"}[(1, 2)])
