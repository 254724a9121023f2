import traceback, io, sys
def f(x):
    if x == 0:
        raise ValueError("bad value %d" % x)
    return f(x - 1)
try:
    f(2)
except ValueError:
    s = traceback.format_exc()
    print(type(s).__name__, s.endswith("ValueError: bad value 0\n"), s.startswith("Traceback (most recent call last):\n"))
    print(repr(s.splitlines()[-1]), s.count('  File '))
    buf = io.StringIO()
    traceback.print_exc(file=buf)
    print(buf.getvalue() == s)
    traceback.print_exc()
try:
    raise KeyError("k")
except KeyError as e:
    print(traceback.format_exception_only(e), traceback.format_exception_only(type(e), e))
    lines = traceback.format_exception(e)
    print(lines[0], lines[-1], len(lines))
    lines2 = traceback.format_exception(type(e), e, e.__traceback__)
    print(lines == lines2)
    buf = io.StringIO(); traceback.print_exception(e, file=buf); print(buf.getvalue() == ''.join(lines))
print(repr(traceback.format_exc()))
class MyError(Exception): pass
print(traceback.format_exception_only(MyError()), traceback.format_exception_only(MyError("m")))
print(traceback.format_exception(ValueError("not raised")))
def g():
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise RuntimeError("wrapped") from e
try:
    g()
except RuntimeError as e:
    full = traceback.format_exc()
    print("direct cause" in full, full.count("Traceback"), full.endswith("RuntimeError: wrapped\n"))
    short = traceback.format_exc(chain=False)
    print(short.count("Traceback"), "ZeroDivisionError" in short)
    print(''.join(traceback.format_exception(e, chain=False)) == short)
