print([x * x for x in range(5)], [x for x in range(10) if x % 3 == 0])
print([(x, y) for x in range(3) for y in range(x)], [[j for j in range(i)] for i in range(3)])
print({x: x * 2 for x in "ab"}, {x % 2 for x in range(5)})
g = (x + 1 for x in range(3))
print(next(g), list(g))
print(sum(x for x in range(10)), max(len(w) for w in ["a", "abc"]))
x = "outer"
print([x for x in range(2)], x)
matrix = [[1, 2, 3], [4, 5, 6]]
print([[row[i] for row in matrix] for i in range(3)])
print([a + b for a, b in zip([1, 2], [10, 20])], [c.upper() for c in "hi" if c != "x"])
