# exceptions in callbacks go to the loop's exception handler, the loop keeps going
import asyncio

def handler(loop, ctx):
    print('handler got', repr(ctx.get('exception')))

def bad_cb():
    raise RuntimeError('callback failed')

def bad_done(fut):
    raise KeyError('done callback failed')

async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad_cb)
    loop.call_later(0.05, bad_cb)
    t = asyncio.create_task(asyncio.sleep(0.025))
    t.add_done_callback(bad_done)
    await asyncio.sleep(0.1)
    print('loop survived', t.done())

asyncio.run(main())
