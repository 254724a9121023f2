def check(v):
    assert isinstance(v, int), "need int, got %s" % type(v).__name__
    return v * 2
print(check(2))
try:
    check("x")
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert 0
except AssertionError as e:
    print(repr(e), e.args)
