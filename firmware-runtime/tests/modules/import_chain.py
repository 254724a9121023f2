import _pkg_helper2
from _pkg_helper2 import twice
print(_pkg_helper2.VALUE, twice(21), _pkg_helper2._helper_mod.CONST)
import _helper_mod
print(_helper_mod is _pkg_helper2._helper_mod)
print(__name__, _helper_mod.__name__)
