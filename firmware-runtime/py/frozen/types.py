# vbpy's types (frozen): names for the interpreter's built-in types, taken from live objects as
# CPython's types module does, and SimpleNamespace (repr "namespace(a=1)", == on the attributes).
# Types the VM does not have (code, frame, traceback objects, mapping proxies) are left out.
import sys as _sys


def _f():
    pass


async def _c():
    pass


def _g():
    yield 1


async def _ag():
    yield 1


class _C:
    def _m(self):
        pass


FunctionType = LambdaType = type(_f)
GeneratorType = type(_g())
_co = _c()
CoroutineType = type(_co)
_co.close()
AsyncGeneratorType = type(_ag())
MethodType = type(_C()._m)
BuiltinFunctionType = BuiltinMethodType = type(len)
ModuleType = type(_sys)
NoneType = type(None)
EllipsisType = type(Ellipsis)
NotImplementedType = type(NotImplemented)
del _f, _c, _g, _ag, _C, _co


class SimpleNamespace:
    def __init__(self, *args, **kwargs):
        if args:  # CPython 3.11 takes keywords only
            raise TypeError("no positional arguments expected")
        self.__dict__.update(kwargs)

    def __repr__(self, _busy=[]):
        if self in _busy:
            return "namespace(...)"
        _busy.append(self)
        try:
            name = "namespace" if type(self) is SimpleNamespace else type(self).__name__
            return "%s(%s)" % (name, ", ".join("%s=%r" % kv for kv in self.__dict__.items()))
        finally:
            _busy.remove(self)

    def __eq__(self, other):
        if isinstance(self, SimpleNamespace) and isinstance(other, SimpleNamespace):
            return self.__dict__ == other.__dict__
        return NotImplemented

    def __hash__(self):
        raise TypeError("unhashable type: 'types.SimpleNamespace'")


class MappingProxyType:
    # a read-only view of a mapping
    def __init__(self, mapping):
        if not hasattr(mapping, "keys") or not hasattr(mapping, "__getitem__"):
            raise TypeError("mappingproxy() argument must be a mapping, not %s"
                            % type(mapping).__name__)
        self._m = mapping

    def __getitem__(self, key):
        return self._m[key]

    def __setitem__(self, key, value):
        raise TypeError("'mappingproxy' object does not support item assignment")

    def __delitem__(self, key):
        raise TypeError("'mappingproxy' object does not support item deletion")

    def __len__(self):
        return len(self._m)

    def __iter__(self):
        return iter(self._m)

    def __contains__(self, key):
        return key in self._m

    def __eq__(self, other):
        return self._m == other

    def __repr__(self):
        return "mappingproxy(%r)" % (self._m,)

    def __str__(self):
        return str(self._m)

    def get(self, key, default=None):
        return self._m.get(key, default)

    def keys(self):
        return self._m.keys()

    def values(self):
        return self._m.values()

    def items(self):
        return self._m.items()

    def copy(self):
        return self._m.copy()


def coroutine(func):
    return func


def new_class(name, bases=(), kwds=None, exec_body=None):
    ns = {}
    if exec_body is not None:
        exec_body(ns)
    kwds = dict(kwds or {})
    meta = kwds.pop("metaclass", type)
    return meta(name, tuple(bases), ns, **kwds)
