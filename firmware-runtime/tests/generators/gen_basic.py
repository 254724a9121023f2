def gen(n):
    for i in range(n):
        yield i * i
print(list(gen(5)))
g = gen(3)
print(next(g), next(g), next(g))
try:
    next(g)
except StopIteration:
    print("exhausted")
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(10)])
def with_return():
    yield 1
    return "ret"
g = with_return()
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("value", e.value)
print(type(gen(1)).__name__)
