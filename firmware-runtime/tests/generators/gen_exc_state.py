# Each suspended generator keeps the exception it is handling: a bare raise re-raises its own.
def g():
    try:
        yield 1
    except KeyError:
        yield 2
        raise
a = g(); b = g(); next(a); next(b)
a.throw(KeyError('a')); b.throw(KeyError('b'))
for it in (a, b):
    try: next(it)
    except KeyError as e: print('reraised', repr(e))
    except RuntimeError as e: print('BUG', e)
import sys
def h():
    yield sys.exc_info()[0]
try:
    raise ValueError
except ValueError:
    print(next(h()))
