def f(*a, **k):
    return a, k
args = (1, 2)
kw = {"x": 3}
print(f(*args), f(**kw), f(0, *args, 9, **kw, y=4), f(*"ab", *[1]))
print(max(*[3, 7, 2]), list(zip(*[(1, 2), (3, 4)])))
def g(a, b, c):
    return a * 100 + b * 10 + c
print(g(*[1, 2], 3), g(1, *(2, 3)), g(**{"c": 3, "b": 2, "a": 1}))
try:
    f(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    g(1, **{"a": 2, "b": 3, "c": 4})
except TypeError as e:
    print("TypeError:", e)
