class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, key):
        super().__init__("not found: %s" % key)
        self.key = key
try:
    raise NotFound("k1")
except AppError as e:
    print(type(e).__name__, e, e.key, e.args, isinstance(e, Exception))
class WithStr(Exception):
    def __str__(self):
        return "custom str"
try:
    raise WithStr(1, 2)
except WithStr as e:
    print(e, e.args, repr(e))
print(repr(ValueError("x")), repr(ValueError()), str(KeyError("k")), str(KeyError()))
print(repr(Exception(1, "two")), str(Exception(1, "two")))
