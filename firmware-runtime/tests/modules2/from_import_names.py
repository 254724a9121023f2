from _mod_a import bump as b, Thing, counter
print(b(), counter, Thing())
from _mod_a import *
print("bump" in dir(), "_private" in dir())
import _mod_a
print(_mod_a._private)
try:
    from _mod_a import does_not_exist
except ImportError as e:
    print("ImportError", str(e).split(" (")[0])
