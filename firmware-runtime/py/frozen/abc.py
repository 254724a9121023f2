# vbpy's abc (frozen): abstract base classes, following CPython 3.11's abc module: ABCMeta
# collects __abstractmethods__ (functions, properties, classmethods and staticmethods marked
# with @abstractmethod, and inherited abstract names not overridden), instantiating a class
# that still has some raises TypeError with CPython 3.11's message, and register() makes
# virtual subclasses that isinstance() sees.  The VM has no type.__call__ to delegate to from a
# metaclass, so the check sits in a __new__ given to the first class made by ABCMeta.  The VM
# does not call a metaclass's __subclasscheck__, so issubclass() ignores register(), and does
# not look up a metaclass's methods through its classes, so register is also a classmethod.


def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(v):
    if getattr(v, "__isabstractmethod__", False):
        return True
    for part in ("fget", "fset", "fdel", "__func__"):
        if getattr(getattr(v, part, None), "__isabstractmethod__", False):
            return True
    return False


# deprecated spellings; functions, as the VM's classmethod and staticmethod are not subclassable
def abstractclassmethod(func):
    return classmethod(abstractmethod(func))


def abstractstaticmethod(func):
    return staticmethod(abstractmethod(func))


def abstractproperty(fget=None, fset=None, fdel=None, doc=None):
    return property(abstractmethod(fget), fset, fdel, doc)


def _checked_new(owner):
    def __new__(cls, *args, **kw):
        names = cls.__abstractmethods__
        if names:
            names = sorted(names)
            raise TypeError("Can't instantiate abstract class %s with abstract method%s %s"
                            % (cls.__name__, "s" if len(names) > 1 else "", ", ".join(names)))
        new = super(owner, cls).__new__
        # object.__new__ rejects the constructor's arguments, which are __init__'s
        return new(cls) if new is object.__new__ else new(cls, *args, **kw)
    return staticmethod(__new__)


def _register(cls, subclass):
    cls._abc_registry.append(subclass)
    return subclass


class ABCMeta(type):
    def __new__(mcls, name, bases, namespace, **kw):
        cls = super().__new__(mcls, name, bases, namespace, **kw)
        abstracts = {n for n, v in namespace.items() if _is_abstract(v)}
        for base in bases:
            for n in getattr(base, "__abstractmethods__", ()):
                if _is_abstract(getattr(cls, n, None)):
                    abstracts.add(n)
        cls.__abstractmethods__ = frozenset(abstracts)
        cls._abc_registry = []
        if not any(isinstance(b, ABCMeta) for b in bases):
            if "__new__" not in namespace:
                cls.__new__ = _checked_new(cls)
            # the VM does not find a metaclass's methods through its classes
            cls.register = classmethod(_register)
        return cls

    def __instancecheck__(cls, instance):
        t = type(instance)
        for c in t.__mro__:
            if c is cls:
                return True
        for c in t.__mro__:
            for k in cls.__mro__:
                if c in getattr(k, "_abc_registry", ()):
                    return True
        return False


class ABC(metaclass=ABCMeta):
    pass


def get_cache_token():
    return 0
