def f():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as e2:
            print("inner", e2, type(e2.__context__).__name__)
        print("still in first handler")
f()
try:
    try:
        raise ValueError("v")
    except ValueError as e:
        raise KeyError("k")
except KeyError as e:
    print("outer", repr(e), repr(e.__context__))
e = None
try:
    raise ValueError("named")
except ValueError as e:
    pass
try:
    print(e)
except NameError:
    print("e was deleted")
