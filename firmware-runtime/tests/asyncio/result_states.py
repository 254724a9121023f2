# Future/Task result() and exception() in every state, InvalidStateError when pending
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    for m in (f.result, f.exception):
        try:
            m()
        except asyncio.InvalidStateError:
            print(m.__name__, 'InvalidStateError')
    f.set_result(3)
    print(f.result(), f.exception(), f.done(), f.cancelled())
    try:
        f.set_result(4)
    except asyncio.InvalidStateError:
        print('set twice: InvalidStateError')
    g = loop.create_future()
    g.set_exception(ValueError('v'))
    print(repr(g.exception()))
    try:
        g.result()
    except ValueError as e:
        print('result raised', e)
    h = loop.create_future()
    print(h.cancel(), h.cancelled(), h.done(), h.cancel())
    t = asyncio.create_task(asyncio.sleep(0.01, 'slept'))
    try:
        t.result()
    except asyncio.InvalidStateError:
        print('task pending: InvalidStateError')
    print(await t, t.exception())
    print(isinstance(asyncio.InvalidStateError(), Exception), issubclass(asyncio.CancelledError, BaseException),
          issubclass(asyncio.CancelledError, Exception))

asyncio.run(main())
