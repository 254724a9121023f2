def averager():
    total = count = 0
    avg = None
    while True:
        v = yield avg
        if v is None:
            break
        total += v
        count += 1
        avg = total / count
    return count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("done", e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print("TypeError", e)
