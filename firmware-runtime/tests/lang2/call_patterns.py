def f0():
    return 0
def f1(a):
    return a
def f3(a, b, c):
    return a + b + c
def fd(a, b=10):
    return a * b
total = 0
for i in range(1000):
    total += f0() + f1(i) + f3(i, 1, 2) + fd(i) + fd(i, b=2)
print(total)
class P:
    def m(self, x):
        return x + 1
    @classmethod
    def c(cls, x):
        return cls.__name__, x
    @staticmethod
    def s(x):
        return x * 3
p = P()
print(sum(p.m(i) for i in range(100)), P.c(1), p.c(2), P.s(3), p.s(4))
m = p.m
print(m(41), P.m(p, 1))
print(len([1, 2]), isinstance(1, int), str(5), int("7"), list("ab"), tuple([1]))
def many(*a):
    return len(a)
print(many(*range(300)))
