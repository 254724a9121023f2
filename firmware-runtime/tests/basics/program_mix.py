import sys
class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __matmul__(self, other):
        cols = list(zip(*other.rows))
        return Matrix([[sum(a * b for a, b in zip(r, c)) for c in cols] for r in self.rows])
    def __eq__(self, other):
        return self.rows == other.rows
    def __repr__(self):
        return "Matrix(%r)" % (self.rows,)
    def __getitem__(self, idx):
        r, c = idx
        return self.rows[r][c]
m = Matrix([[1, 2], [3, 4]])
print(m @ Matrix.identity(2) == m, m @ m, m[1, 0])
words = "the quick brown fox jumps over the lazy dog the end".split()
freq = {}
for w in words:
    freq[w] = freq.get(w, 0) + 1
top = sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:3]
print(top)
print(", ".join(f"{k}={v}" for k, v in top))
def primes(n):
    sieve = [True] * (n + 1)
    sieve[0:2] = [False, False]
    for i in range(2, int(n ** 0.5) + 1):
        if sieve[i]:
            sieve[i * i::i] = [False] * len(range(i * i, n + 1, i))
    return [i for i, p in enumerate(sieve) if p]
print(primes(50))
def memo(f):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = f(n)
        return cache[n]
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(90))
class Stack(list):
    def peek(self):
        return self[-1]
s = Stack()
s.append(1); s.append(2)
print(s.peek(), len(s), s)
data = [("bob", 25), ("alice", 30), ("carol", 25)]
data.sort(key=lambda t: t[1])
print(data)
print(sorted(data, key=lambda t: (t[1], t[0]), reverse=True))
print("{:<10}|{:>5}".format("name", "age"))
for name, age in data:
    print(f"{name:<10}|{age:>5}")
text = "Hello World"
print(text.lower().count("o"), text[::-1], text.swapcase(), "".join(sorted(text.replace(" ", ""), key=str.lower)))
print(list(map(int, "1 2 3".split())), [int(c) for c in str(2**20)])
print(sum(1 for _ in range(10) if _ % 2), any(x > 5 for x in [1, 9]))
class Shape:
    def area(self):
        raise NotImplementedError
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
try:
    Shape().area()
except NotImplementedError:
    print("abstract")
print([type(x).__name__ for x in (1, 1.0, "s", b"b", [], (), {}, set(), None, True, Sq(1))])
print(Sq(3).area(), isinstance(Sq(1), Shape))
g = (x for x in range(3))
print(g.__next__(), next(g))
nums = [5, 3, 8, 1]
nums.sort(key=lambda x: -x)
print(nums, nums.index(8), min(nums), max(nums))
x = 0
for i in range(100):
    x ^= i * 7
print(x, x.bit_length(), 255 .bit_count() if hasattr(int, "bit_count") else 8)
print(str(3.0), str(-1.5e-7), 1e21, 1.5e16, 123456789012.0, 0.1 * 3)
print("%.3f %5.1f %-8s| %08.2f" % (3.14159, 2.25, "ab", -3.5))
