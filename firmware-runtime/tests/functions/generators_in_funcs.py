def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks(list(range(7)), 3)), list(chunks("abcdef", 2)))
def take(n, it):
    out = []
    for x in it:
        if len(out) == n:
            break
        out.append(x)
    return out
def naturals():
    n = 0
    while True:
        yield n
        n += 1
print(take(5, naturals()), take(3, (x * x for x in naturals())))
def pipeline():
    evens = (x for x in naturals() if x % 2 == 0)
    squares = (x * x for x in evens)
    return take(4, squares)
print(pipeline())
def gen_with_return():
    total = 0
    for i in range(4):
        total += yield i
    return total
g = gen_with_return()
v = next(g)
try:
    while True:
        v = g.send(v * 10)
except StopIteration as e:
    print("total", e.value)
