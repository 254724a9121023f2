import _mod_a
import _mod_a as again
from _mod_a import bump
print(_mod_a is again, bump(), _mod_a.bump(), _mod_a.counter)
import sys
print("_mod_a" in sys.modules, sys.modules["_mod_a"] is _mod_a)
print(_mod_a.__name__, repr(_mod_a.Thing()))
