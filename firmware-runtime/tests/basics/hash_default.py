# Objects without value equality hash by identity; mutable containers are unhashable.
def f():
    pass


def g():
    yield 1


async def co():
    pass


class C:
    def m(self):
        pass


c = co()
table = {f: "function", len: "builtin", C: "class", C().m: "method"}
table[c] = "coroutine"
gen = g()
table[gen] = "generator"
print(sorted(table.values()))
print(table[f], table[gen], table[c])
c.close()
for x in ([], {}, set(), bytearray()):
    try:
        hash(x)
    except TypeError as e:
        print("TypeError", e)
print(hash(f) == hash(f), hash(gen) == hash(gen))
