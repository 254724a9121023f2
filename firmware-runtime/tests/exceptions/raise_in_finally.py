def f():
    try:
        raise ValueError("a")
    finally:
        print("cleanup")
try:
    f()
except ValueError as e:
    print("got", e)
def g():
    try:
        return 1
    finally:
        raise KeyError("in finally")
try:
    g()
except KeyError as e:
    print("got", repr(e))
