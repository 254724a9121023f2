# the loop object: get_event_loop, run_until_complete, create_task, run_forever/stop,
# set_exception_handler and an unretrieved task exception (the message is MicroPython's
# "Task exception wasn't retrieved", CPython's "... was never retrieved": not printed)
import asyncio

async def add(a, b):
    await asyncio.sleep(0)
    return a + b

def handler(loop, context):
    m = context['message']
    print('handler:', m if 'retrieved' not in m else 'unretrieved', repr(context['exception']))

async def bad():
    raise ValueError('nobody awaits me')

async def stopper(loop):
    await asyncio.sleep(0.01)
    print('stopping')
    loop.stop()

async def main():
    loop = asyncio.get_running_loop()
    print(loop is asyncio.get_event_loop(), loop.get_exception_handler() is None)
    loop.set_exception_handler(handler)
    print(loop.get_exception_handler() is handler)
    asyncio.create_task(bad())
    await asyncio.sleep(0.01)
    print('main continues')
    loop.call_exception_handler({'message': 'by hand', 'exception': KeyError(1)})
    loop.set_exception_handler(None)
    return 'main done'

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print(loop.run_until_complete(add(2, 3)))
t = loop.create_task(add(4, 5))
print(loop.run_until_complete(t), t.done())
loop.create_task(stopper(loop))
loop.run_forever()
print('stopped', loop.is_running())
print(loop.run_until_complete(main()))
loop.close()
print(asyncio.run(add(1, 1)))
