# vbpy's typing (frozen): enough of CPython 3.11's typing module for annotated programs to run.
# Aliases (List, Dict, Optional, Union, Callable, ...) are classes whose metaclass gives them
# CPython's repr ("typing.List[int]"), subscription, == and isinstance() (unsubscripted ones and
# Union); being real classes they can also be subclassed, which CPython does through
# __mro_entries__ (the VM lacks it).  Unlike CPython, List() makes an (empty list) instance: a
# metaclass __call__ could not hand the other calls on to type.__call__ in the VM.
# Generic[T] and Protocol[T] are Generic and Protocol themselves, so "class C(Generic[T])" works;
# NamedTuple classes become collections.namedtuple classes, TypedDict classes dict subclasses.
# Nothing is checked statically: cast, overload, final, no_type_check return what they get.
import collections as _col
from abc import ABCMeta as _ABCMeta

TYPE_CHECKING = False


def _trepr(t):
    if isinstance(t, _Meta) and "_name" in t.__dict__:
        return repr(t)
    if isinstance(t, type):
        m = t.__module__
        return t.__qualname__ if m == "builtins" else m + "." + t.__qualname__
    if t is ...:
        return "..."
    if isinstance(t, list):
        return "[" + ", ".join(_trepr(a) for a in t) + "]"
    if isinstance(t, str):
        return "ForwardRef(%r)" % t
    if type(t) is type(_trepr):
        return t.__name__
    return repr(t)


def _norm(t):
    return type(None) if t is None else t


class _Meta(type):
    # Only aliases carry _name in their own dict; classes derived from them behave as classes.
    def __repr__(cls):
        d = cls.__dict__
        if "_name" not in d:
            return "<class '%s.%s'>" % (cls.__module__, cls.__qualname__)
        name = "typing." + d["_name"]
        args = d.get("__args__")
        if args is None:
            return name
        if args == ():
            return name + "[()]"
        if d["_name"] == "Union" and len(args) == 2 and type(None) in args:
            return "typing.Optional[%s]" % _trepr(args[0] if args[1] is type(None) else args[1])
        if d["_name"] == "Literal" or d["_name"] == "Annotated":
            return "%s[%s]" % (name, ", ".join((_trepr if i == 0 and d["_name"] == "Annotated"
                                                 else repr)(a) for i, a in enumerate(args)))
        return "%s[%s]" % (name, ", ".join(_trepr(a) for a in args))

    def __getitem__(cls, params):
        if not isinstance(params, tuple):
            params = (params,)
        name = cls.__dict__["_name"]
        if name == "Optional":
            return Union[params[0], None]
        if name == "Union":
            # nested unions flatten, None is NoneType, duplicates go, one member is itself
            flat = []
            for p in params:
                p = _norm(p)
                inner = p.__dict__.get("__args__") if isinstance(p, _Meta) and \
                    p.__dict__.get("_name") == "Union" else None
                for q in inner or (p,):
                    if q not in flat:
                        flat.append(q)
            if len(flat) == 1:
                return flat[0]
            params = tuple(flat)
        elif name not in ("Literal", "Annotated"):
            params = tuple([_norm(a) for a in p] if isinstance(p, list) else _norm(p)
                           for p in params)
        return _alias(name, cls.__dict__.get("_origin"), params, cls.__bases__)

    def __eq__(cls, other):
        d = cls.__dict__
        if "_name" not in d or not isinstance(other, _Meta) or "_name" not in other.__dict__:
            return cls is other
        o = other.__dict__
        a, b = d.get("__args__"), o.get("__args__")
        if d["_name"] == "Union" == o["_name"] and a and b:
            return set(a) == set(b)
        return d["_name"] == o["_name"] and a == b

    def __hash__(cls):
        return hash(cls.__dict__.get("_name", id(cls)))

    def __instancecheck__(cls, x):
        d = cls.__dict__
        if "_name" not in d:
            return cls in type(x).__mro__
        if d.get("__args__") is not None and d["_name"] != "Union":
            raise TypeError("Subscripted generics cannot be used with class and instance checks")
        if d["_name"] == "Union":
            return any(isinstance(x, a) for a in d.get("__args__", ()))
        check = d.get("_origin")
        if check is None:
            return True
        if isinstance(check, str):
            return all(hasattr(type(x), m) for m in check.split())
        if isinstance(check, (type, tuple)):
            return isinstance(x, check)
        return check(x)

    def __or__(cls, other):
        return Union[cls, other]

    def __ror__(cls, other):
        return Union[other, cls]


def _alias(name, origin=None, args=None, bases=()):
    ns = {"_name": name, "_origin": origin, "__module__": "typing"}
    if args is not None:
        ns["__args__"] = args
    if not bases and isinstance(origin, type) and origin is not type:
        bases = (origin,)
    elif not bases:
        bases = (object,)
    try:
        return _Meta(name, bases, ns)
    except TypeError:  # a built-in type the VM cannot subclass (frozenset)
        return _Meta(name, (object,), ns)


def _names(spec, origin=None):
    for name in spec.split():
        globals()[name] = _alias(name, origin)


_names("Any Union Optional Literal Final ClassVar Annotated NoReturn Never Self LiteralString "
       "TypeAlias Concatenate TypeGuard Unpack Required NotRequired")
_names("Tuple", tuple)
_names("Type", type)
for _n, _o in (("List", list), ("Dict", dict), ("Set", set), ("FrozenSet", frozenset),
               ("DefaultDict", _col.defaultdict), ("OrderedDict", _col.OrderedDict),
               ("Counter", _col.Counter), ("Deque", _col.deque), ("Text", str),
               ("ByteString", bytes)):
    globals()[_n] = _alias(_n, _o)
# the collections.abc ones: the one-trick ABCs are structural (checked by the methods an
# instance's type has), the container ones nominal (the built-in types registered with them)
_seq = (list, tuple, str, range, bytes, bytearray, memoryview, _col.deque)
for _n, _o in (("Iterable", "__iter__"), ("Iterator", "__iter__ __next__"),
               ("Reversible", "__reversed__ __iter__"), ("Container", "__contains__"),
               ("Sized", "__len__"), ("Collection", "__len__ __iter__ __contains__"),
               ("Hashable", lambda x: getattr(type(x), "__hash__", None) is not None and
                not isinstance(x, (list, dict, set, bytearray))),
               ("Callable", callable), ("Sequence", _seq),
               ("MutableSequence", (list, bytearray, _col.deque)), ("Mapping", dict),
               ("MutableMapping", dict), ("AbstractSet", (set, frozenset)),
               ("MutableSet", set), ("KeysView", "__iter__"), ("ValuesView", "__iter__"),
               ("ItemsView", "__iter__"), ("Awaitable", "__await__"),
               ("Coroutine", "send throw close __await__"),
               ("Generator", "__iter__ __next__ send throw close"),
               ("AsyncIterable", "__aiter__"), ("AsyncIterator", "__aiter__ __anext__"),
               ("AsyncGenerator", "__aiter__ __anext__ asend athrow aclose"),
               ("ContextManager", "__enter__ __exit__"),
               ("AsyncContextManager", "__aenter__ __aexit__"), ("SupportsInt", "__int__"),
               ("SupportsFloat", "__float__"), ("SupportsAbs", "__abs__"),
               ("SupportsIndex", "__index__"), ("SupportsRound", "__round__"),
               ("IO", "read write"), ("TextIO", "read write"), ("BinaryIO", "read write"),
               ("Pattern", "match"), ("Match", "group")):
    # based on object, not on dict / list: those would shadow a subclass's own methods
    globals()[_n] = _alias(_n, _o, None, (object,))
del _n, _o


class TypeVar:
    def __init__(self, name, *constraints, bound=None, covariant=False, contravariant=False):
        self.__name__ = name
        self.__constraints__ = constraints
        self.__bound__ = bound
        self.__covariant__ = covariant
        self.__contravariant__ = contravariant

    def __repr__(self):
        return ("+" if self.__covariant__ else "-" if self.__contravariant__ else "~") + \
            self.__name__


class ParamSpec(TypeVar):
    args = kwargs = object()


class TypeVarTuple(TypeVar):
    pass


AnyStr = TypeVar("AnyStr", bytes, str)


class _GenericMeta(_ABCMeta):
    # Generic[T] is Generic (the VM has no __mro_entries__), and C[int] is C.  A metaclass
    # __getitem__, because the VM passes the metaclass, not the class, to __class_getitem__;
    # ABCMeta's subclass, as CPython's Protocol has one, so that ABC and Generic mix.
    def __getitem__(cls, params):
        return cls

    def __instancecheck__(cls, x):
        if _ABCMeta.__instancecheck__(cls, x):
            return True
        if not cls.__dict__.get("_is_runtime_protocol"):
            return False
        # a @runtime_checkable Protocol: x's type must have every member the protocol declares
        for c in cls.__mro__:
            if c in (Protocol, Generic, object):
                continue
            d = c.__dict__
            for name in list(d) + list(d.get("__annotations__", ())):
                if name not in _not_members and not name.startswith("_abc") and \
                        not hasattr(x, name):
                    return False
        return True


_not_members = {"__module__", "__qualname__", "__doc__", "__dict__", "__weakref__", "__init__",
                "__new__", "__abstractmethods__", "__annotations__", "_is_runtime_protocol",
                "register", "__parameters__", "__orig_bases__", "__hash__", "__eq__"}


class Generic(metaclass=_GenericMeta):
    pass


class Protocol(Generic):
    pass


class NewType:
    def __init__(self, name, tp):
        self.__name__ = self.__qualname__ = name
        self.__supertype__ = tp

    def __call__(self, x):
        return x

    def __repr__(self):
        return "__main__." + self.__name__


class _NTMeta(type):
    def __new__(mcls, name, bases, ns):
        if not bases:
            return super().__new__(mcls, name, bases, ns)
        return _namedtuple(name, ns.get("__annotations__", {}), ns)


def _namedtuple(name, ann, ns):
    fields = list(ann)
    defaults = []
    for f in fields:
        if f in ns:
            defaults.append(ns[f])
        elif defaults:
            raise TypeError("Non-default namedtuple field %s cannot follow default field%s %s"
                            % (f, "s" if len(defaults) > 1 else "",
                               ", ".join(fields[fields.index(f) - len(defaults):
                                                fields.index(f)])))
    cls = _col.namedtuple(name, fields, defaults=defaults)
    for k, v in ns.items():
        if k not in ann and k not in ("__annotations__", "__qualname__", "__dict__",
                                      "__weakref__"):
            setattr(cls, k, v)
    cls.__annotations__ = dict(ann)
    return cls


class NamedTuple(metaclass=_NTMeta):
    def __new__(cls, typename, fields=None, /, **kw):
        fields = dict(fields or kw)
        return _namedtuple(typename, fields, {"__module__": "__main__"})


class TypedDict(dict):
    # a class statement makes a dict subclass; the call form makes one from its fields
    def __new__(cls, *args, total=True, **kw):
        if cls is TypedDict:
            return type(args[0], (dict,), {"__annotations__": dict(args[1] if len(args) > 1
                                                                  else kw)})
        return dict.__new__(cls)

    def __init_subclass__(cls, total=True, **kw):
        cls.__total__ = total


def cast(typ, val):
    return val


def overload(func):
    return func


def final(f):
    return f


def no_type_check(f):
    return f


def runtime_checkable(cls):
    cls._is_runtime_protocol = True
    return cls


def assert_never(arg):
    raise AssertionError("Expected code to be unreachable, but got: %r" % (arg,))


def reveal_type(obj):
    return obj


def get_origin(tp):
    if isinstance(tp, _Meta) and "_name" in tp.__dict__:
        o = tp.__dict__["_origin"]
        return o if isinstance(o, type) else globals()[tp.__dict__["_name"]]
    return None


def get_args(tp):
    if isinstance(tp, _Meta):
        return tp.__dict__.get("__args__") or ()
    return ()


def get_type_hints(obj, globalns=None, localns=None, include_extras=False):
    hints = {}
    for c in reversed(getattr(obj, "__mro__", (obj,))):
        hints.update(getattr(c, "__annotations__", None) or {})
    return hints
