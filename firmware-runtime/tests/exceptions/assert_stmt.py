assert True
assert 1 == 1, "never"
try:
    assert False
except AssertionError as e:
    print("AssertionError", e.args)
try:
    assert 1 > 2, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
