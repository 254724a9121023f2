def f(a, b=2, c=3):
    return (a, b, c)
print(f(1), f(1, 5), f(1, c=9), f(a=0, b=0, c=0), f(*[7, 8]), f(**{"a": 1, "c": 2}))
def g(*args, **kwargs):
    return args, sorted(kwargs.items())
print(g(), g(1, 2), g(x=1), g(1, *[2, 3], y=4, **{"z": 5}))
def h(a, *, key=None, flag):
    return a, key, flag
print(h(1, flag=True), h(2, key="k", flag=0))
def mutable_default(x, acc=[]):
    acc.append(x)
    return acc
print(mutable_default(1), mutable_default(2))
def pos_only(a, b, /, c):
    return a + b + c
print(pos_only(1, 2, c=3))
for call in [lambda: f(), lambda: f(1, 2, 3, 4), lambda: f(1, d=5), lambda: f(1, a=2), lambda: h(1)]:
    try:
        call()
    except TypeError as e:
        print("TypeError:", e)
