# vbpy's functools (frozen): reduce, partial, wraps, lru_cache/cache, cmp_to_key, total_ordering.

_missing = object()


def reduce(function, iterable, initial=_missing):
    it = iter(iterable)
    if initial is _missing:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError("reduce() of empty iterable with no initial value")
    else:
        value = initial
    for x in it:
        value = function(value, x)
    return value


class partial:
    def __init__(self, func, *args, **keywords):
        self.func = func
        self.args = args
        self.keywords = keywords

    def __call__(self, *args, **kw):
        merged = dict(self.keywords)
        merged.update(kw)
        return self.func(*self.args, *args, **merged)


def wraps(wrapped):
    def deco(wrapper):
        for attr in ("__name__", "__qualname__", "__doc__"):
            try:
                setattr(wrapper, attr, getattr(wrapped, attr))
            except AttributeError:
                pass
        wrapper.__wrapped__ = wrapped
        return wrapper
    return deco


def lru_cache(maxsize=128, typed=False):
    def deco(func):
        cache = {}

        def wrapper(*args, **kw):
            key = args + tuple(sorted(kw.items())) if kw else args
            if key in cache:
                return cache[key]
            value = func(*args, **kw)
            if maxsize is not None and len(cache) >= maxsize:
                del cache[next(iter(cache))]
            cache[key] = value
            return value
        wrapper.cache_clear = cache.clear
        wrapper.__name__ = func.__name__
        wrapper.__wrapped__ = func
        return wrapper
    if callable(maxsize):
        f, maxsize = maxsize, 128
        return deco(f)
    return deco


def cache(func):
    return lru_cache(None)(func)


def cmp_to_key(mycmp):
    class K:
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0
    return K


def total_ordering(cls):
    d = cls.__dict__
    if "__lt__" in d:
        if "__gt__" not in d:
            cls.__gt__ = lambda a, b: not (a < b) and a != b
        if "__le__" not in d:
            cls.__le__ = lambda a, b: a < b or a == b
        if "__ge__" not in d:
            cls.__ge__ = lambda a, b: not (a < b)
    elif "__gt__" in d:
        if "__lt__" not in d:
            cls.__lt__ = lambda a, b: not (a > b) and a != b
        if "__ge__" not in d:
            cls.__ge__ = lambda a, b: a > b or a == b
        if "__le__" not in d:
            cls.__le__ = lambda a, b: not (a > b)
    return cls
