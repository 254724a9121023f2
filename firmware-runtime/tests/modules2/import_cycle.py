import _mod_cycle_a
import _mod_cycle_b
print(_mod_cycle_a.get_b(), _mod_cycle_b.get_a())
