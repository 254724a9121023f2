class CM:
    def __init__(self, name, swallow=False):
        self.name = name
        self.swallow = swallow
    def __enter__(self):
        print("enter", self.name)
        return self.name.upper()
    def __exit__(self, t, v, tb):
        print("exit", self.name, t.__name__ if t else None, v)
        return self.swallow
with CM("a") as x:
    print("inside", x)
with CM("b", True):
    raise ValueError("boom")
print("after b")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", e)
with CM("d") as d, CM("e") as e:
    print(d, e)
def f():
    with CM("f"):
        return "ret"
print(f())
for i in range(2):
    with CM("loop%d" % i):
        if i == 0:
            continue
        break
