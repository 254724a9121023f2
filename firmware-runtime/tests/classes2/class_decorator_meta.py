def add_repr(cls):
    def __repr__(self):
        return cls.__name__ + str(sorted(vars(self).items()))
    cls.__repr__ = __repr__
    return cls
@add_repr
class P:
    def __init__(self):
        self.a = 1
        self.b = 2
print(P())
registry = []
class Base:
    def __init_subclass__(cls, **kw):
        super().__init_subclass__()
        registry.append(cls.__name__)
class A(Base): pass
class B(A): pass
print(registry)
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
