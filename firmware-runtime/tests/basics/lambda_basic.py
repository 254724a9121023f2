sq = lambda x: x * x
print(sq(5), (lambda: 42)(), (lambda a, b=2: a + b)(1))
print(sorted([(1, 'b'), (2, 'a')], key=lambda t: t[1]))
adders = [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in adders])
f = lambda *a, **k: (a, k)
print(f(1, 2, x=3))
