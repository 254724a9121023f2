x = "global x"
def f1():
    return x
def f2():
    x = "local x"
    return x
def f3():
    global x
    x = "changed"
print(f1(), f2(), x)
f3()
print(x)
def outer():
    y = 1
    def middle():
        def inner():
            return y + 1
        return inner()
    y = 10
    return middle()
print(outer())
funcs = {}
for name in ["a", "b"]:
    def make(n=name):
        return n * 2
    funcs[name] = make
print(funcs["a"](), funcs["b"]())
class C:
    val = 5
    def get(self):
        return C.val
print(C().get())
lst = [lambda: i for i in range(3)]
print([f() for f in lst])
