for thing in (ValueError, ValueError("inst")):
    try:
        raise thing
    except ValueError as e:
        print(type(e).__name__, e.args)
try:
    raise 5
except TypeError as e:
    print("TypeError", e)
try:
    raise int
except TypeError as e:
    print("TypeError", e)
class NotExc:
    pass
try:
    raise NotExc()
except TypeError as e:
    print("TypeError", e)
try:
    try:
        pass
    except 5:
        pass
    print("no exception: except clause not evaluated")
except TypeError:
    print("unexpected")
