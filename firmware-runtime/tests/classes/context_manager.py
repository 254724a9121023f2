class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print("enter", self.name)
        return self
    def __exit__(self, et, ev, tb):
        print("exit", self.name, et.__name__ if et else None, ev)
        return self.suppress
with CM("a") as c:
    print("body", c.name)
with CM("b", True):
    raise ValueError("boom")
print("after suppressed")
try:
    with CM("c"):
        raise KeyError("k")
except KeyError as e:
    print("caught", repr(e))
with CM("x") as x, CM("y") as y:
    print("nested", x.name, y.name)
def f():
    with CM("ret"):
        return "returned"
print(f())
for i in range(3):
    with CM(str(i)):
        if i == 1:
            break
