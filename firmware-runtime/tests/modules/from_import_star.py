from math import *
print(sqrt(4), floor(1.5), pi > 3)
from _helper_mod import *
print(CONST, greet("z"))
try:
    print(_private)
except NameError:
    print("private not imported")
