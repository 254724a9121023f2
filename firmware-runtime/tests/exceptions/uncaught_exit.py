print("before")
def f():
    raise ValueError("uncaught")
f()
print("not reached")
