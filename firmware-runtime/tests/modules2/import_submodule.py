# import pkg.sub binds pkg, with sub as its attribute (CPython semantics)
import _pkg2.sub
print(_pkg2.VALUE, _pkg2.sub.hello())
print(_pkg2.sub.__name__)
print('sub' in dir(_pkg2))
import _pkg2.sub as s
print(s is _pkg2.sub, s.__name__)
import _pkg2.inner.deep
print(_pkg2.inner.deep.X, _pkg2.inner.__name__)
import _pkg2.inner.deep as d
print(d.X)
from _pkg2 import other
print(other.NAME, _pkg2.other is other)
from _pkg2.inner import deep
print(deep is d)
import sys
print('_pkg2.sub' in sys.modules, '_pkg2.inner.deep' in sys.modules)
try:
    import _pkg2.missing
except ImportError as e:
    print(type(e).__name__, e)
try:
    from _pkg2 import nothing
except ImportError as e:
    print(type(e).__name__, str(e).split(' (')[0])
