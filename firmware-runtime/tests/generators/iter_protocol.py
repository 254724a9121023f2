class Range2:
    def __init__(self, n): self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
r = Range2(3)
print(list(r), list(r), [x * 2 for x in r], 2 in r, max(r))
it = iter([1, 2, 3])
print(next(it), list(it))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), next(di))
print(list(iter(iter([5]))), list(map(str, iter(range(3)))))
calls = [0]
def f():
    calls[0] += 1
    return calls[0]
print(list(iter(f, 4)))
