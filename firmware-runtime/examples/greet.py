import asyncio
async def greet(name):
    await asyncio.sleep(0.5)
    print('hello', name)
async def main():
    await asyncio.gather(greet('A'), greet('B'), greet('C'))
asyncio.run(main())   # three greetings together after 500 ms of board time, not 1500
