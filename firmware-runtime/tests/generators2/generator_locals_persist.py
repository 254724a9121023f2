def acc():
    total = 0
    items = []
    while True:
        v = yield total, list(items)
        items.append(v)
        total += v
a = acc()
print(next(a))
for v in (5, 7, 11):
    print(a.send(v))
gens = [acc() for _ in range(3)]
for i, g in enumerate(gens):
    next(g)
    print(g.send(i))
