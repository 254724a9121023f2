# heapq: the list layout after each operation must match CPython's exactly
import heapq
import random

random.seed(7)
data = [random.randrange(100) for _ in range(40)]
h = []
for x in data:
    heapq.heappush(h, x)
print(h)
out = [heapq.heappop(h) for _ in range(10)]
print(out, h)
h2 = list(data)
heapq.heapify(h2)
print(h2)
print(heapq.heapreplace(h2, 50), h2[:10])
print(heapq.heappushpop(h2, -1), heapq.heappushpop(h2, 99), h2[:10])
print(heapq.heappushpop([], 5))
expect = sorted(h2)
print([heapq.heappop(h2) for _ in range(len(h2))] == expect, h2)
for bad in (heapq.heappop, lambda h: heapq.heapreplace(h, 1)):
    try:
        bad([])
    except IndexError as e:
        print("IndexError", e)
# tuples and ties
t = []
for i, w in enumerate(["pear", "fig", "apple", "fig", "kiwi", "apple"]):
    heapq.heappush(t, (len(w), w, i))
print(t)
print([heapq.heappop(t) for _ in range(len(t))])
# objects with only __lt__
class Job:
    def __init__(self, p, name):
        self.p, self.name = p, name
    def __lt__(self, other):
        return self.p < other.p
    def __repr__(self):
        return "Job(%d,%s)" % (self.p, self.name)
jobs = []
for p, n in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (5, "e")]:
    heapq.heappush(jobs, Job(p, n))
print(jobs)
print([heapq.heappop(jobs).name for _ in range(5)])
# nlargest / nsmallest, with key, n edge cases, stability
words = ["bb", "a", "ccc", "dd", "e", "fff", "gg"]
print(heapq.nlargest(3, words, key=len), heapq.nsmallest(3, words, key=len))
print(heapq.nlargest(2, data), heapq.nsmallest(4, data))
print(heapq.nlargest(0, data), heapq.nsmallest(-1, data), heapq.nlargest(100, [3, 1, 2]))
print(heapq.nsmallest(1, [5, 2, 8]), heapq.nlargest(1, []), heapq.nsmallest(2, iter([9, 8, 7])))
print(heapq.nsmallest(3, {"x": 3, "y": 1, "z": 2}.items(), key=lambda kv: kv[1]))
# merge: lazy, stable across iterables, key and reverse
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [3, 6, 9])))
print(list(heapq.merge([1, 3], [], [2], [0, 5, 6])))
print(list(heapq.merge()), list(heapq.merge([1, 2])))
print(list(heapq.merge(["a1", "b1"], ["a2", "b2"], key=lambda s: s[0])))
print(list(heapq.merge([9, 5, 1], [8, 5, 2], reverse=True)))
print(list(heapq.merge(["x9", "y5"], ["z9", "w5"], key=lambda s: int(s[1]), reverse=True)))
m = heapq.merge(iter(range(0, 10, 3)), iter(range(1, 10, 3)))
print(next(m), next(m), next(m), list(m))
print(type(heapq.merge([1])).__name__)
