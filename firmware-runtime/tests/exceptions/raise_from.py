class AppError(Exception):
    pass
try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise AppError("wrapped") from e
except AppError as e:
    print(e, type(e.__cause__).__name__, e.__suppress_context__)
try:
    try:
        {}["x"]
    except KeyError:
        raise ValueError("during")
except ValueError as e:
    print(e, type(e.__context__).__name__, e.__cause__)
try:
    raise RuntimeError("x") from None
except RuntimeError as e:
    print(e.__cause__, e.__suppress_context__)
def reraiser():
    try:
        raise TypeError("orig")
    except TypeError:
        print("handling")
        raise
try:
    reraiser()
except TypeError as e:
    print("reraised", e)
