class E(Exception):
    def __init__(self, a, b):
        super().__init__(a, b)
        self.a = a
try:
    raise E(1, 2)
except E as e:
    print(e.args, e.a, str(e), repr(e))
e = ValueError("x")
e.extra = 5
print(e.extra, e.args)
try:
    raise ValueError
except ValueError as ex:
    print(repr(ex), ex.args)
try:
    raise IndexError("idx")
except Exception as ex:
    print(isinstance(ex, LookupError), type(ex).__mro__[1].__name__)
def chain():
    try:
        raise OSError(5, "io")
    except OSError as ex:
        return ex.errno, ex.strerror
print(chain())
print(str(TimeoutError()), isinstance(TimeoutError(), OSError))
