def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(count(5)), sum(count(101)))
def pairs(it):
    it = iter(it)
    for a in it:
        yield a, next(it, None)
print(list(pairs("abcde")))
def delegate():
    yield from count(3)
    yield from "xy"
    return "done"
print(list(delegate()))
def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b
f = fib()
print([next(f) for _ in range(15)])
