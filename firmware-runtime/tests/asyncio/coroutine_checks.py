# iscoroutine, isfuture, all_tasks
import asyncio

async def co():
    await asyncio.sleep(0.01)

def plain():
    return 1

async def main():
    c = co()
    print(asyncio.iscoroutine(c), asyncio.iscoroutine(plain()), asyncio.iscoroutine(plain))
    t = asyncio.create_task(c)
    print(asyncio.isfuture(t), asyncio.isfuture(c), asyncio.isfuture(asyncio.get_running_loop().create_future()))
    names = sorted(x.get_name() for x in asyncio.all_tasks())
    print(len(names), asyncio.current_task() in asyncio.all_tasks(), t in asyncio.all_tasks())
    await t
    print(t in asyncio.all_tasks(), len(asyncio.all_tasks()))
    try:
        asyncio.create_task(plain())
    except TypeError:
        print('create_task(int) TypeError')

asyncio.run(main())
