async def add(a, b):
    return a + b
async def main():
    x = await add(1, 2)
    y = await add(x, 10)
    return [x, y]
c = main()
try:
    c.send(None)
except StopIteration as e:
    print("result", e.value)
class Awaitable:
    def __await__(self):
        v = yield "suspend"
        return "resumed with %s" % v
async def use():
    r = await Awaitable()
    return r
co = use()
print(co.send(None))
try:
    co.send("data")
except StopIteration as e:
    print(e.value)
