# traceback from helper functions, loops and nested handlers; only version-stable text is printed
import io
import sys
import traceback


def log_error():
    # called from inside an except block further up the stack
    text = traceback.format_exc()
    return text.splitlines()[-1]


def risky(n):
    return {"a": 1}[n]


errors = []
for key in ("a", "b", "c"):
    try:
        risky(key)
    except KeyError:
        errors.append(log_error())
print(errors)
try:
    int("x12")
except ValueError as e:
    last = traceback.format_exception_only(e)[-1]
    print(repr(last))
    buf = io.StringIO()
    traceback.print_exception(type(e), e, e.__traceback__, file=buf)
    print(buf.getvalue().splitlines()[0], "|", buf.getvalue().splitlines()[-1])
    buf2 = io.StringIO()
    traceback.print_exc(file=buf2)
    print(buf2.getvalue() == buf.getvalue())
try:
    try:
        [][1]
    except IndexError:
        raise RuntimeError("while handling")
except RuntimeError:
    t = traceback.format_exc()
    print("During handling of the above exception" in t, t.splitlines()[-1], t.count("IndexError"))
    print(traceback.format_exc(chain=False).count("Traceback"))
class AppError(Exception):
    def __init__(self, code):
        super().__init__("code %d" % code)
        self.code = code
try:
    raise AppError(7)
except AppError as e:
    print(traceback.format_exc().endswith("AppError: code 7\n"), traceback.format_exception_only(e))
print(repr(traceback.format_exc()))
print(traceback.format_exception_only(ValueError()), traceback.format_exception_only(KeyError("k")))
print(traceback.format_exception_only(SystemExit(3)), traceback.format_exception_only(StopIteration()))
try:
    assert 1 == 2, "math broke"
except AssertionError:
    print(traceback.format_exc().splitlines()[-1])
try:
    raise ZeroDivisionError
except ZeroDivisionError:
    print(repr(traceback.format_exc().splitlines()[-1]))
traceback.print_exc()
print("done", file=sys.stderr)
