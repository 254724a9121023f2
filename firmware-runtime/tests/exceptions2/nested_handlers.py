def level3():
    raise IndexError("deep")
def level2():
    try:
        level3()
    except KeyError:
        print("wrong handler")
def level1():
    try:
        level2()
    except IndexError as e:
        print("level1 caught", e)
        return "recovered"
print(level1())
try:
    try:
        try:
            raise ValueError(1)
        except ValueError as e:
            raise TypeError(2)
    except TypeError as e:
        print("middle", e, type(e.__context__).__name__)
        raise
except TypeError as e:
    print("outer", e)
