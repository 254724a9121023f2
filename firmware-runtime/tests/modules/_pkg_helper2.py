import _helper_mod
VALUE = _helper_mod.CONST + 1
def twice(x):
    return 2 * x
