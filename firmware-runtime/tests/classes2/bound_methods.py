class A:
    def m(self, x):
        return (type(self).__name__, x)
a = A()
bm = a.m
print(bm(1), bm.__self__ is a, bm.__func__ is A.m, A.m(a, 2))
print(a.m == a.m, a.m is a.m)
fs = [a.m, A().m]
print([f(0)[1] for f in fs])
def free(self):
    return "free"
A.f = free
print(a.f())
