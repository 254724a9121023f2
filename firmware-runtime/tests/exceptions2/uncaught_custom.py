class Boom(Exception):
    pass
def f():
    raise Boom("exit status 1")
print("before")
f()
print("not reached")
