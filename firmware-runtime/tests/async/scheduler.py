class Yield:
    def __await__(self):
        yield
async def task(name, n, log):
    for i in range(n):
        log.append(f"{name}{i}")
        await Yield()
    return name
def run_all(coros):
    log_order = []
    results = {}
    queue = list(coros)
    while queue:
        c = queue.pop(0)
        try:
            c.send(None)
            queue.append(c)
        except StopIteration as e:
            results[e.value] = True
    return results
log = []
print(run_all([task("a", 2, log), task("b", 3, log), task("c", 1, log)]))
print(log)
