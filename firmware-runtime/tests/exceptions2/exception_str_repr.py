for e in [ValueError(), ValueError("a"), ValueError("a", "b"), KeyError("k"), KeyError(1, 2),
          IndexError(0), OSError(), RuntimeError(None), Exception(""), ZeroDivisionError("division by zero")]:
    print(repr(e), "|", str(e), "|", e.args)
