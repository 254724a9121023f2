class Fib:
    def __init__(self, limit):
        self.limit = limit
    def __iter__(self):
        a, b = 0, 1
        while a < self.limit:
            yield a
            a, b = b, a + b
f = Fib(100)
print(list(f))
print(sum(f), len(list(f)), [x for x in f if x % 2 == 0])
it = iter(f)
print(next(it), next(it), next(it))
