class Range2:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        i = 0
        while i < self.n:
            yield i
            i += 1
    def __len__(self):
        return self.n
    def __reversed__(self):
        return iter(range(self.n - 1, -1, -1))
r = Range2(4)
print(list(r), list(r), len(r), list(reversed(r)), sum(r), 3 in r, 9 in r)
a, b, *c = Range2(5)
print(a, b, c)
print(dict(zip(Range2(3), "abc")))
