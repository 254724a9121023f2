class It:
    def __init__(self):
        self.i = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.i += 1
        if self.i > 3:
            raise StopIteration
        return self.i
print(list(It()), [x for x in It()], sum(It()))
def g():
    yield 1
    return "retval"
it = g()
next(it)
try:
    next(it)
except StopIteration as e:
    print("value", e.value)
def outer():
    r = yield from g()
    print("inner returned", r)
print(list(outer()))
