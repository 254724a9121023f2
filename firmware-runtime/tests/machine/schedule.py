# micropython.schedule: calls run at the next safe point, in order, never nested in one another.
import micropython

order = []


def step(tag):
    order.append(tag)


micropython.schedule(step, 'a')
micropython.schedule(step, 'b')
for i in range(3):  # a backward jump is a safe point
    pass
print(order)


# a call scheduled from inside a scheduled call runs after it, not inside it
def outer(arg):
    order.append('outer start')
    micropython.schedule(step, 'inner')
    for i in range(3):
        pass
    order.append('outer end')


order.clear()
micropython.schedule(outer, None)
for i in range(3):
    pass
print(order)


# the queue is bounded: RuntimeError when full (filled from inside a scheduled call, where
# nothing runs it meanwhile)
def flood(arg):
    try:
        for i in range(100):
            micropython.schedule(step, i)
    except RuntimeError as e:
        print('RuntimeError:', e, 'after', i)


order.clear()
micropython.schedule(flood, None)
for i in range(3):
    pass
print(order)

# an exception in a scheduled call is reported on stderr; the program continues
micropython.schedule(lambda a: 1 / 0, None)
for i in range(3):
    pass
print('continues')
