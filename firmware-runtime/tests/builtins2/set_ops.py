a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a <= {1, 2, 3, 4, 5}, a < a, {3} < b, a.isdisjoint({9}), a.issuperset({1}))
s = set()
s.add(1); s.add(1); s.update([2, 3], (4,))
print(sorted(s), len(s))
s.discard(10); s.remove(1)
print(sorted(s), s.pop() in {2, 3, 4})
try:
    s.remove(99)
except KeyError as e:
    print("KeyError", e)
c = a.copy(); c.clear()
print(c, set(), frozenset(), sorted(frozenset("aab")))
print(sorted(a.union([7], [8])), sorted(a.intersection(b, {4})), sorted(a.difference(b)))
x = {1, 2}; x |= {3}; x &= {2, 3}; x -= {3}
print(x)
print({1, 2} == {2, 1}, {frozenset({1}): "fs"}[frozenset([1])])
