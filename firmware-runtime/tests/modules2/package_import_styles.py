import _pkg2
print(_pkg2.VALUE, hasattr(_pkg2, "other"))
from _pkg2 import other as o2
print(o2.NAME, hasattr(_pkg2, "other"))
import _pkg2.inner
print(_pkg2.inner.__name__)
from _pkg2.inner.deep import X
print(X)
import _pkg2.inner.deep as deep_alias
print(deep_alias.X, deep_alias is _pkg2.inner.deep)
