class Timer:
    log = []
    def __enter__(self):
        Timer.log.append("start")
        return self
    def __exit__(self, et, ev, tb):
        Timer.log.append("stop:" + (et.__name__ if et else "ok"))
        return et is KeyError
with Timer() as t:
    pass
with Timer():
    raise KeyError("swallowed")
try:
    with Timer():
        raise ValueError("escapes")
except ValueError:
    pass
print(Timer.log)
