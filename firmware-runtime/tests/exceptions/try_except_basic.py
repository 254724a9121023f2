def div(a, b):
    try:
        r = a / b
    except ZeroDivisionError:
        print("div by zero")
        return None
    else:
        print("ok")
        return r
    finally:
        print("finally")
print(div(1, 2), div(1, 0))
try:
    [][1]
except (KeyError, IndexError) as e:
    print(type(e).__name__, e)
try:
    {}["k"]
except LookupError as e:
    print("lookup", repr(e))
try:
    raise ValueError
except Exception as e:
    print(type(e).__name__, e.args, str(e) == "")
try:
    int("x")
except:
    print("bare except")
