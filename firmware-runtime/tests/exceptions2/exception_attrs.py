e = OSError(2, "No such file")
print(e.errno, e.strerror, e.args, str(e))
e2 = KeyError("missing")
print(e2.args, str(e2), repr(e2))
s = StopIteration(5)
print(s.value, s.args)
x = SystemExit(3)
print(x.code, SystemExit().code)
try:
    raise ValueError
except ValueError as ve:
    print(repr(ve), ve.args)
err = None
try:
    raise TypeError("t")
except TypeError as err:
    pass
try:
    print(err)
except NameError:
    print("err is unbound after except")
