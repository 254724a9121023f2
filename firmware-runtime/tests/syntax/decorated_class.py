def add_repr(cls):
    cls.__repr__ = lambda self: cls.__name__ + "()"
    return cls
@add_repr
class W:
    pass
print(W(), repr(W()))
def deco_with_args(*dargs):
    def inner(f):
        f.tags = dargs
        return f
    return inner
@deco_with_args("a", "b")
def tagged():
    return 1
print(tagged.tags, tagged())
