import _mod_cycle_b
A_VALUE = "a"
def get_b():
    return _mod_cycle_b.B_VALUE
