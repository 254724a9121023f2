def g():
    yield 1
    yield 2
it = g()
print(type(it).__name__, iter(it) is it)
print(list(zip(it, "ab")))
print(list(it))
def running_check():
    yield gen_ref.gi_running if hasattr(gen_ref, "gi_running") else True
gen_ref = running_check()
print(next(gen_ref))
def early_return(n):
    if n == 0:
        return
    yield n
print(list(early_return(0)), list(early_return(3)))
