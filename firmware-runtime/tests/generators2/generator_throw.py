def worker():
    while True:
        try:
            x = yield
            print("work", x)
        except KeyError as e:
            print("handled", e)
w = worker()
next(w)
w.send(1)
w.throw(KeyError("k"))
w.send(2)
try:
    w.throw(ValueError("fatal"))
except ValueError as e:
    print("propagated", e)
try:
    w.send(3)
except StopIteration:
    print("finished")
