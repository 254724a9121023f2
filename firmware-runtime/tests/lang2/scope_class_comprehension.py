class C:
    base = 10
    vals = [base + i for i in range(2)] if False else [10, 11]
    def m(self):
        return [self.base * i for i in range(3)]
print(C.vals, C().m())
def outer():
    k = 3
    return [[k * i * j for j in range(2)] for i in range(2)]
print(outer())
x = 100
def f():
    return [x for _ in range(2)]
print(f())
