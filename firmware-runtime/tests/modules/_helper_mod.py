CONST = 42
def greet(name):
    return "hello " + name
class Thing:
    pass
_private = 1
print("helper imported")
