s = {1, 2, 3}
s.add(4); s.discard(1); s.discard(100)
print(sorted(s), len(s), 2 in s, 5 not in s)
a, b = {1, 2, 3}, {2, 3, 4}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4}, a < a, a >= {1}, a.isdisjoint({9}), a.issubset(b))
print(sorted(a.union([7])), sorted(a.intersection(b)), sorted(a.difference(b)), sorted(a.symmetric_difference(b)))
print(set(), set([1, 1, 2]) == {1, 2}, frozenset([1, 2]) == {1, 2}, len(frozenset("aab")))
s.remove(2)
try:
    s.remove(2)
except KeyError as e:
    print("KeyError", e)
print({x % 3 for x in range(10)} == {0, 1, 2})
fs = frozenset([3])
print({fs: 1}[frozenset([3])], set("a"))
e = set(); e.update([1, 2], [3]); print(sorted(e))
p = {5}; print(p.pop(), p)
