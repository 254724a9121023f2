import contextlib
with contextlib.suppress(KeyError, IndexError):
    [][0]
print("suppressed")
@contextlib.contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name
    except ValueError as e:
        print("cm saw", e)
    finally:
        print("</%s>" % name)
with tag("a") as n:
    print("in", n)
with tag("b"):
    raise ValueError("inside")
print("after")
