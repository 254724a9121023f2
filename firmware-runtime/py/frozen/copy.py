# vbpy's copy (frozen): shallow and deep copies, following CPython's copy module documentation:
# the __copy__ / __deepcopy__(memo) hooks, a memo dict keyed by id() that makes shared and
# cyclic structures come out shared and cyclic, immutable atoms returned as they are.  Without
# pickle's __reduce_ex__, instances are rebuilt from cls.__new__(cls) plus their __dict__
# (and __setstate__ / __getstate__ when the class defines them), which is what CPython's
# default reduction does for plain classes.  Enum members copy to themselves and deques to new
# deques, as CPython's own __copy__ / __reduce__ methods for those types do.
import sys as _sys


class Error(Exception):
    pass


error = Error


def _f():
    pass


class _C:
    def _m(self):
        pass


_atomic = (type(None), int, float, bool, str, bytes, type, range, slice, type(_f), type(len),
           type(_C()._m), type(Ellipsis), type(NotImplemented), property)


def _is(x, module, name):
    # isinstance against a frozen module's class, without importing the module
    m = _sys.modules.get(module)
    return m is not None and isinstance(x, getattr(m, name))


def _state(x):
    # a class's own __getstate__, else the instance dict (None when empty, as CPython 3.11)
    g = getattr(type(x), "__getstate__", None)
    if g is not None and g is not getattr(object, "__getstate__", None):
        return x.__getstate__()
    return getattr(x, "__dict__", None) or None


def _setstate(y, state):
    if state is not None:
        s = getattr(y, "__setstate__", None)
        if s is not None:
            s(state)
        else:
            y.__dict__.update(state)


def _new(cls, x, items):
    # instances of built-in container subclasses get their items the way their type takes them
    if isinstance(x, tuple):
        return cls(*items) if hasattr(cls, "_fields") else tuple.__new__(cls, items)
    if isinstance(x, frozenset):
        return frozenset.__new__(cls, items)
    y = cls.__new__(cls)
    if isinstance(x, dict):
        for k, v in items:
            y[k] = v
    elif isinstance(x, list):
        y.extend(items)
    elif isinstance(x, set):
        y.update(items)
    return y


def _items(x):
    if isinstance(x, dict):
        return list(x.items())
    if isinstance(x, (tuple, list, set, frozenset)):
        return list(x)
    return ()


def copy(x):
    cls = type(x)
    if cls in _atomic or cls in (tuple, frozenset) or isinstance(x, type):
        return x
    if cls in (list, dict, set, bytearray):
        return x.copy()
    hook = getattr(cls, "__copy__", None)
    if hook is not None:
        return hook(x)
    if _is(x, "enum", "Enum"):
        return x
    if _is(x, "collections", "deque"):
        return cls(x, x.maxlen)
    y = _new(cls, x, _items(x))
    _setstate(y, _state(x))
    return y


def deepcopy(x, memo=None, _nil=[]):
    if memo is None:
        memo = {}
    d = id(x)
    y = memo.get(d, _nil)
    if y is not _nil:
        return y
    cls = type(x)
    if cls in _atomic or isinstance(x, type):
        return x
    if cls is list:
        y = []
        memo[d] = y
        for a in x:
            y.append(deepcopy(a, memo))
    elif cls is dict:
        y = {}
        memo[d] = y
        for k, v in x.items():
            y[deepcopy(k, memo)] = deepcopy(v, memo)
    elif cls is tuple:
        items = [deepcopy(a, memo) for a in x]
        # a cycle through a mutable item may have copied this tuple already
        if d in memo:
            return memo[d]
        for a, b in zip(x, items):
            if a is not b:
                y = tuple(items)
                break
        else:
            y = x
    elif cls in (set, frozenset, bytearray):
        y = cls(deepcopy(a, memo) for a in x) if cls is not bytearray else bytearray(x)
    else:
        hook = getattr(x, "__deepcopy__", None)
        if hook is not None:
            y = hook(memo)
        elif _is(x, "enum", "Enum"):
            return x
        elif _is(x, "collections", "deque"):
            y = cls((), x.maxlen)
            memo[d] = y
            y.extend([deepcopy(a, memo) for a in x])
        else:
            items = _items(x)
            if isinstance(x, tuple):
                y = _new(cls, x, [deepcopy(a, memo) for a in items])
                memo[d] = y
            else:
                y = _new(cls, x, ())
                memo[d] = y
                if isinstance(x, dict):
                    for k, v in items:
                        y[deepcopy(k, memo)] = deepcopy(v, memo)
                elif isinstance(x, list):
                    y.extend([deepcopy(a, memo) for a in items])
                elif items:
                    y.update([deepcopy(a, memo) for a in items])
            state = _state(x)
            if state is not None:
                _setstate(y, deepcopy(state, memo))
    if y is not x:
        memo[d] = y
        # keep x alive while the memo lives, so that its id() cannot be reused (as CPython)
        memo.setdefault(id(memo), []).append(x)
    return y
