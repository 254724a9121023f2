try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise ValueError("converted") from e
except ValueError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise RuntimeError("during handling")
except RuntimeError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    try:
        raise TypeError("a")
    except TypeError:
        raise OSError("b") from None
except OSError as e:
    print(e, e.__cause__, e.__suppress_context__, type(e.__context__).__name__)
