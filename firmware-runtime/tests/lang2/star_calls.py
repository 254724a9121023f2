def f(*args, **kw):
    return args, sorted(kw.items())
print(f(*[1, 2], *(3,), x=1, **{"y": 2}))
print(f(*range(3)))
print(f(**{}))
print([*range(3), *"ab"])
print((*[1], *[2, 3]))
print({*[1, 2], *[2, 3]} == {1, 2, 3})
print({**{"a": 1}, "b": 2, **{"a": 3}})
def g(a, b, c=3, *, d, e=5):
    return a, b, c, d, e
print(g(1, 2, d=4))
print(g(*[1, 2], **{"d": 0, "c": 9}))
try:
    g(1, 2)
except TypeError as e:
    print("TypeError", e)
try:
    g(1, 2, 3, 4, d=1)
except TypeError as e:
    print("TypeError", e)
try:
    g(1, b=2, a=3, d=1)
except TypeError as e:
    print("TypeError", e)
