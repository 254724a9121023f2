def f():
    import _mod_a
    from _pkg2 import other
    return _mod_a.__name__, other.NAME
print(f())
print("_mod_a" in dir())
def g():
    import math as m
    return m.sqrt(16)
print(g())
