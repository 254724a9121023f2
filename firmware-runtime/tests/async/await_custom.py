class Sleep:
    def __init__(self, n): self.n = n
    def __await__(self):
        for i in range(self.n):
            yield ("tick", i)
        return self.n * 100
async def worker(name, n):
    r = await Sleep(n)
    return name, r
def run(coro):
    trace = []
    try:
        while True:
            trace.append(coro.send(None))
    except StopIteration as e:
        return trace, e.value
print(run(worker("w", 3)))
async def chain():
    a = await worker("a", 1)
    b = await worker("b", 2)
    return [a, b]
print(run(chain()))
