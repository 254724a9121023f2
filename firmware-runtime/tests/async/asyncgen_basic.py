# Async generators (PEP 525) driven by hand: no event loop, so every await below is on an
# object whose __await__ yields, and run() plays the event loop's part.


class Tick:
    """An awaitable that suspends its awaiter once, passing `v` up to the runner."""
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield self.v
        return got


def run(coro):
    """Steps a coroutine to its end, printing what each await passes up; returns its value."""
    sent = None
    while True:
        try:
            up = coro.send(sent)
        except StopIteration as e:
            return e.value
        print("  loop got", up)
        sent = "resumed-" + str(up)


async def counter(n):
    for i in range(n):
        r = await Tick("tick%d" % i)
        print("  after await:", r)
        yield i


async def simple():
    yield 1
    yield 2


async def consume(ag):
    out = []
    async for x in ag:
        out.append(x)
    return out


print("async for:", run(consume(counter(2))))
print("no awaits:", run(consume(simple())))


async def comp():
    a = [x * 10 async for x in simple()]
    b = {x async for x in simple() if x > 1}
    c = {x: -x async for x in simple()}
    return a, b, c


print("comprehensions:", run(comp()))

# generator expressions with async for or await are async generators too (PEP 530)
async def genexps():
    g = (x * 2 async for x in simple())
    print(type(g).__name__, [y async for y in g])
    h = (await Tick(x) for x in range(2))
    print(type(h).__name__, [v async for v in h])


run(genexps())

# types and names
ag = simple()
print(type(ag).__name__, ag.__name__, ag.__qualname__)
print(repr(ag).startswith("<async_generator object simple at "))
print(type(ag.__anext__()).__name__)
print(ag.__aiter__() is ag)


async def nested():
    async def inner():
        yield "in"
    return [x async for x in inner()]


print(run(nested()))


# asend: the first value must be None; later ones reach the yield
async def echo():
    received = []
    try:
        while True:
            v = yield len(received)
            received.append(v)
            if v == "stop":
                return
    finally:
        print("  echo finally", received)


async def drive_echo():
    g = echo()
    print("first:", await g.asend(None))
    print("second:", await g.asend("a"))
    print("third:", await g.asend("b"))
    try:
        await g.asend("stop")
    except StopAsyncIteration:
        print("StopAsyncIteration after return")
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("still stopped")


run(drive_echo())


async def bad_first_send():
    g = echo()
    try:
        await g.asend("x")
    except TypeError as e:
        print("TypeError:", e)


run(bad_first_send())


# athrow: caught inside the generator, or propagated out of it
async def catcher():
    while True:
        try:
            yield "waiting"
        except ValueError as e:
            print("  caught", repr(e))


async def drive_athrow():
    g = catcher()
    print(await g.__anext__())
    print(await g.athrow(ValueError("boom")))
    print(await g.athrow(ValueError, "two"))
    print(await g.__anext__())
    try:
        await g.athrow(KeyError("k"))
    except KeyError as e:
        print("propagated", repr(e))
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("finished after athrow")
    print("athrow on finished:", await g.athrow(ValueError("late")))


run(drive_athrow())


# aclose: runs finally blocks, which may await; a yield in them is an error
async def closeable():
    try:
        yield 1
        yield 2
    finally:
        print("  cleanup starts")
        await Tick("cleanup")
        print("  cleanup done")


async def drive_aclose():
    g = closeable()
    print(await g.__anext__())
    print("aclose ->", await g.aclose())
    try:
        await g.__anext__()
    except StopAsyncIteration:
        print("closed generator stops")
    print("aclose again ->", await g.aclose())
    fresh = closeable()
    print("aclose unstarted ->", await fresh.aclose())


run(drive_aclose())


async def stubborn():
    try:
        yield 1
    finally:
        yield "no"


async def drive_stubborn():
    g = stubborn()
    await g.__anext__()
    try:
        await g.aclose()
    except RuntimeError as e:
        print("RuntimeError:", e)


run(drive_stubborn())


# an awaitable may be awaited once
async def reuse():
    g = simple()
    a = g.__anext__()
    print(await a)
    try:
        await a
    except RuntimeError as e:
        print("RuntimeError:", e)
    c = g.aclose()
    await c
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError:", e)


run(reuse())


# exceptions from the body
async def raiser():
    yield 1
    raise ValueError("from body")


async def stop_raiser():
    yield 1
    raise StopAsyncIteration


async def drive_raisers():
    g = raiser()
    await g.__anext__()
    try:
        await g.__anext__()
    except ValueError as e:
        print("ValueError:", e)
    g = stop_raiser()
    await g.__anext__()
    try:
        await g.__anext__()
    except RuntimeError as e:
        print("RuntimeError:", e, type(e.__cause__).__name__)


run(drive_raisers())


# async for with break, else, and exceptions in the loop body
async def loops():
    async for x in counter(3):
        if x == 1:
            break
    else:
        print("not reached")
    async for x in simple():
        pass
    else:
        print("else after", x)
    try:
        async for x in simple():
            raise KeyError(x)
    except KeyError as e:
        print("KeyError", e)


run(loops())

# what the compiler refuses
for src in ["async def f():\n    yield 1\n    return 2\n",
            "async def f():\n    yield from [1]\n"]:
    try:
        exec(src)
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
