x = [1,
     2]
y = {"a": 1,
     "b": 2,}
def f(a, b,): return a + b
print(x, y, f(1, 2,))
if x: pass
class A: pass
z = (1)
w = (1,)
print(z, w, not not x, -(-3), +4, ~~5)
print(1 if x else 2 if y else 3)
lam = lambda: (yield)
print(type(lam()).__name__)
print(0x10, 0o10, 0b10, 1_000, 1e3, 1.5e-2, .5, 5.)
