def f():
    try:
        raise ValueError("inner")
    except ValueError:
        print("logging")
        raise
try:
    f()
except ValueError as e:
    print("re-caught", e)
def g():
    try:
        raise KeyError("k")
    except KeyError as e:
        err = e
    raise err
try:
    g()
except KeyError as e:
    print("saved", e)
try:
    raise
except RuntimeError as e:
    print("RuntimeError", e)
