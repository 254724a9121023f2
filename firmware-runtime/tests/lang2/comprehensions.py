print([x * y for x in range(3) for y in range(3) if x != y])
print({x: x ** 2 for x in range(5) if x % 2})
print(sorted({c.upper() for c in "hello"}))
print(list(x for x in range(10) if x % 3 == 0))
print([[j for j in range(i)] for i in range(4)])
print(sum(x for x in range(101)))
g = (x * 2 for x in [1, 2, 3])
print(next(g), list(g))
print([(i, c) for i, c in enumerate("abc") if c != "b"])
n = 10
print([n + i for i in range(3)])
class A:
    vals = [1, 2, 3]
    doubled = [v * 2 for v in vals]
print(A.doubled)
print([y for x in [[1, 2], [3], []] for y in x])
print(dict((k, v) for k, v in zip("ab", [1, 2])))
print([x if x % 2 else -x for x in range(5)])
print([(yield_ := i) for i in range(2)], yield_)
