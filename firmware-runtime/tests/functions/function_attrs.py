def f(x, y=1):
    "docstring"
    return x
print(f.__name__, f.__defaults__)
f.custom = 5
print(f.custom)
def outer():
    def inner():
        pass
    return inner
print(outer().__qualname__, outer.__qualname__)
class K:
    def m(self): pass
print(K.m.__name__, K.m.__qualname__, K().m.__name__)
print(type(f).__name__, callable(f), (lambda: 0).__name__)
