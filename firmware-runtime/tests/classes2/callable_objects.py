class Counter:
    def __init__(self):
        self.n = 0
    def __call__(self, step=1):
        self.n += step
        return self.n
c = Counter()
print(c(), c(5), c(step=2), callable(c))
class Adder:
    def __init__(self, k):
        self.k = k
    def __call__(self, x):
        return x + self.k
print(list(map(Adder(10), [1, 2, 3])))
print(sorted([3, 1, 2], key=Adder(-1)))
