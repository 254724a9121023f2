"""Module docstring."""
import functools


def f():
    "function doc"
    return 1


def g():
    x = 'not a doc'
    return x


class K:
    """Class doc."""

    def m(self):
        """Method doc."""


class L(K):
    pass


async def co():
    'coroutine doc'


def deco(fn):
    @functools.wraps(fn)
    def w(*a):
        return fn(*a)
    return w


@deco
def h():
    """wrapped doc"""


lam = lambda: 0
print(__doc__, f.__doc__, g.__doc__, K.__doc__, K.m.__doc__, K().m.__doc__, L.__doc__)
print(co.__doc__, h.__doc__, h.__name__, lam.__doc__, f(), g())
f.__doc__ = 'changed'
print(f.__doc__, int.__doc__ is not None or True)
import sys
print(sys.modules[__name__].__doc__ if __name__ in sys.modules else __doc__)
