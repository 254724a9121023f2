# syntax constructs
x = [1, 2, 3]
match_like = {"a": 1}
print(*x, sep=",")
print(f"{x!r:>12}|{len(x):03}")
a = b = 5; a += 1; print(a, b)
print([i for i in range(3)][-1], (lambda *a, **k: (a, k))(1, b=2))
def f(a, b=2, /, c=3, *d, e, f=6, **g): return a, b, c, d, e, f, g
print(f(1, e=5), f(1, 2, 3, 4, 5, e=0, z=9))
print(1 if x else 2, [y for y in x if y > 1 if y < 3])
print({**{"a": 1}, **{"b": 2}}, [*x, *x], (*x,))
global_var = 1
def g():
    global global_var
    global_var, local = 2, 3
    return local
print(g(), global_var)
class C: x: int = 5; y: str
print(C.x, C.__annotations__ if hasattr(C, "__annotations__") else {})
def ann(a: int, b: "str" = "x") -> list: return [a, b]
print(ann(1))
i = 10
while i := i - 3:
    if i < 0: break
print(i)
print(not 1 == 2, not (1 and 0), -2 ** 2, (-2) ** 2, 2 ** -1, ~-1)
print(1_000_000, 0x_ff, 0o17, 0b1010, 1e3, 1_0.5e1)
print("a" "b" 'c', r"\d", b"x" b"y")
t = 1,
print(t, (), (1), ((1,),))
print([1, 2,], {1: 2,}, f(1, e=2,))
if (n := 5) > 3: print("walrus if", n)
lst = [[1, 2], [3, 4]]
print([v for row in lst for v in row], [[r[i] for r in lst] for i in range(2)])
del lst[0][0]; print(lst)
s = slice(1, None); print([0, 1, 2][s], "abc"[s])
print(type(...), ... is Ellipsis)
def gen(): yield; yield
print(list(gen()))
async def co(): return 1
c = co(); 
try:
    c.send(None)
except StopIteration as e:
    print("coroutine", e.value)
print(0 or None or [] or "last", 1 and 2 and 3)
try:
    pass
finally:
    print("finally only")
assert [1] and True
import sys as s2, math as m2
print(s2.__name__, m2.floor(1.5))
from math import (sqrt,
                  floor as fl)
print(sqrt(4), fl(2.5))
nonloc = 0
def outer():
    nonloc = 1
    def inner():
        nonlocal nonloc
        nonloc += 1
    inner()
    return nonloc
print(outer(), nonloc)
print(chr(65) * 3, "%s-%s" % tuple("ab"))
lambda_chain = lambda x: (lambda y: x + y)
print(lambda_chain(1)(2))
print([(a, b) for a, b in zip(*[iter(range(6))] * 2)])
print(sorted({1: "a", 0: "b"}), sorted({"b", "a"}))
