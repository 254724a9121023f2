import _helper_mod
print(_helper_mod.CONST, _helper_mod.greet("x"))
from _helper_mod import greet, CONST as C
print(greet("y"), C)
import _helper_mod as hm
print(hm is _helper_mod, hm.Thing.__name__)
import sys
print("_helper_mod" in sys.modules)
try:
    import no_such_module_xyz
except ImportError as e:
    print("ImportError", e)
try:
    from _helper_mod import nothing_here
except ImportError as e:
    print("ImportError", e)
