import uasyncio as asyncio
import ucollections, ustruct, utime
async def m():
    await asyncio.sleep(0)
    print("ok", ucollections.deque is not None)
asyncio.run(m())
try:
    import unope
except ImportError as e:
    print(e)
import sys
print("uasyncio" in sys.modules)
