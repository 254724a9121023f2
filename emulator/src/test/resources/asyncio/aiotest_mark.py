# Imported ahead of a program whose virtual timings a test measures: prints a marker line at
# the moment the program calls asyncio.run, so the times are taken from the start of the event
# loop and not from the board's start-up (VM set-up, imports, compiling), which other work keeps
# changing.
import asyncio

_run = asyncio.run


def _marked_run(main, *args, **kwargs):
    print('@@aiotest: asyncio.run')
    return _run(main, *args, **kwargs)


asyncio.run = _marked_run
