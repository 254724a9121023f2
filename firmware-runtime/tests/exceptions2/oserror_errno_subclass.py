e = OSError(2, "x")
print(type(e).__name__, e, isinstance(e, OSError))
print(type(OSError(11, "a")).__name__, type(OSError(99, "b")).__name__, type(OSError("m")).__name__, type(OSError(110, "t")).__name__)
try:
    raise OSError(111, "refused")
except ConnectionRefusedError as e:
    print("CRE", e.errno, e.strerror)
