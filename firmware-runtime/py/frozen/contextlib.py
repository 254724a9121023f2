# vbpy's contextlib (frozen): contextmanager, suppress, nullcontext, closing, redirect_stdout/stderr.


class _GeneratorCM:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield")

    def __exit__(self, et, ev, tb):
        if et is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            raise RuntimeError("generator didn't stop")
        if ev is None:
            ev = et()
        try:
            self.gen.throw(ev)
        except StopIteration as e:
            return e is not ev
        except BaseException as e:
            if e is ev:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


def contextmanager(func):
    def helper(*args, **kwargs):
        return _GeneratorCM(func(*args, **kwargs))
    helper.__name__ = func.__name__
    return helper


class suppress:
    def __init__(self, *exceptions):
        self.exceptions = exceptions

    def __enter__(self):
        return None

    def __exit__(self, et, ev, tb):
        return et is not None and issubclass(et, self.exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *exc):
        return False


class closing:
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc):
        self.thing.close()
        return False


class _Redirect:
    # redirect_stdout/redirect_stderr: swap the sys attribute for the block (print follows
    # sys.stdout); nestable, and reusable as CPython's
    _name = 'stdout'

    def __init__(self, target):
        self._target = target
        self._old = []

    def __enter__(self):
        import sys
        self._old.append(getattr(sys, self._name))
        setattr(sys, self._name, self._target)
        return self._target

    def __exit__(self, *exc):
        import sys
        setattr(sys, self._name, self._old.pop())


class redirect_stdout(_Redirect):
    _name = 'stdout'


class redirect_stderr(_Redirect):
    _name = 'stderr'
