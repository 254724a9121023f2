def make_adder(n):
    def add(x):
        return x + n
    return add
a5 = make_adder(5)
print(a5(1), make_adder(10)(1))
def outer():
    fns = []
    for i in range(3):
        fns.append(lambda: i)
    return [f() for f in fns]
print(outer())
def counter():
    n = 0
    def inc(by=1):
        nonlocal n
        n += by
        return n
    def get():
        return n
    return inc, get
inc, get = counter()
inc(); inc(5)
print(get())
def deep():
    x = 1
    def l1():
        def l2():
            def l3():
                return x * 100
            return l3()
        return l2()
    return l1()
print(deep())
def shadow():
    x = "local"
    def inner():
        x = "inner"
        return x
    return inner(), x
print(shadow())
def param_cell(v):
    def get():
        return v
    v = v * 2
    return get()
print(param_cell(21))
