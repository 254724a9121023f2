def f(a, b=2):
    c = a + b
    return sorted(locals().items())
print(f(1))
class K:
    def __init__(self):
        self.x = 1
        self.y = 2
print(vars(K()))
g = globals()
print("f" in g, "K" in g, g["__name__"])
