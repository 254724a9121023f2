# vbpy's dataclasses (frozen): @dataclass with init/repr/eq/order/frozen, field(), asdict().
_MISSING = object()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default=_MISSING, default_factory=_MISSING, repr=True, compare=True, init=True):
        self.name = None
        self.default = default
        self.default_factory = default_factory
        self.repr = repr
        self.compare = compare
        self.init = init


def field(*, default=_MISSING, default_factory=_MISSING, repr=True, compare=True, init=True):
    return Field(default, default_factory, repr, compare, init)


def fields(obj):
    return tuple(obj.__dataclass_fields__.values())


def _process(cls, init, repr_, eq, order, frozen):
    anns = cls.__dict__.get("__annotations__", {})
    flds = {}
    for b in reversed(cls.__mro__[1:]):
        flds.update(getattr(b, "__dataclass_fields__", {}))
    for name in anns:
        value = cls.__dict__.get(name, _MISSING)
        f = value if isinstance(value, Field) else Field(default=value)
        f.name = name
        flds[name] = f
        if isinstance(value, Field):
            if f.default is _MISSING:
                delattr(cls, name)
            else:
                setattr(cls, name, f.default)
    cls.__dataclass_fields__ = flds
    names = list(flds)

    if init:
        def __init__(self, *args, **kwargs):
            init_names = [n for n in names if flds[n].init]
            if len(args) > len(init_names):
                raise TypeError("__init__() takes %d positional arguments but %d were given" % (len(init_names) + 1, len(args) + 1))
            for i, n in enumerate(init_names):
                f = flds[n]
                if i < len(args):
                    v = args[i]
                elif n in kwargs:
                    v = kwargs.pop(n)
                elif f.default is not _MISSING:
                    v = f.default
                elif f.default_factory is not _MISSING:
                    v = f.default_factory()
                else:
                    raise TypeError("__init__() missing 1 required positional argument: '%s'" % n)
                object.__setattr__(self, n, v)
            for n in names:
                f = flds[n]
                if not f.init and f.default_factory is not _MISSING:
                    object.__setattr__(self, n, f.default_factory())
            if kwargs:
                raise TypeError("__init__() got an unexpected keyword argument '%s'" % list(kwargs)[0])
            post = getattr(self, "__post_init__", None)
            if post is not None:
                post()
        cls.__init__ = __init__

    if repr_ and "__repr__" not in cls.__dict__:
        def __repr__(self):
            return "%s(%s)" % (type(self).__qualname__, ", ".join("%s=%r" % (n, getattr(self, n)) for n in names if flds[n].repr))
        cls.__repr__ = __repr__

    def _key(self):
        return tuple(getattr(self, n) for n in names if flds[n].compare)

    if eq and "__eq__" not in cls.__dict__:
        def __eq__(self, other):
            if other.__class__ is not self.__class__:
                return NotImplemented
            return _key(self) == _key(other)
        cls.__eq__ = __eq__
        if not frozen:
            cls.__hash__ = None

    if order:
        def _cmp(op):
            def method(self, other):
                if other.__class__ is not self.__class__:
                    return NotImplemented
                return op(_key(self), _key(other))
            return method
        cls.__lt__ = _cmp(lambda a, b: a < b)
        cls.__le__ = _cmp(lambda a, b: a <= b)
        cls.__gt__ = _cmp(lambda a, b: a > b)
        cls.__ge__ = _cmp(lambda a, b: a >= b)

    if frozen:
        def __setattr__(self, name, value):
            raise FrozenInstanceError("cannot assign to field '%s'" % name)

        def __delattr__(self, name):
            raise FrozenInstanceError("cannot delete field '%s'" % name)
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
        if eq:
            cls.__hash__ = lambda self: hash(_key(self))
    return cls


def dataclass(cls=None, *, init=True, repr=True, eq=True, order=False, frozen=False):
    def wrap(c):
        return _process(c, init, repr, eq, order, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def asdict(obj):
    out = {}
    for n in obj.__dataclass_fields__:
        v = getattr(obj, n)
        if hasattr(v, "__dataclass_fields__"):
            v = asdict(v)
        elif isinstance(v, list):
            v = [asdict(x) if hasattr(x, "__dataclass_fields__") else x for x in v]
        out[n] = v
    return out


def astuple(obj):
    return tuple(getattr(obj, n) for n in obj.__dataclass_fields__)


def replace(obj, **changes):
    kw = {n: getattr(obj, n) for n in obj.__dataclass_fields__ if obj.__dataclass_fields__[n].init}
    kw.update(changes)
    return obj.__class__(**kw)


def is_dataclass(obj):
    return hasattr(obj, "__dataclass_fields__")
