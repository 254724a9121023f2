a = [1]
b = a
print(a is b, id(a) == id(b), a is [1])
print(None is None, type(None) is type(None))
x = 5
print(x is 5)
