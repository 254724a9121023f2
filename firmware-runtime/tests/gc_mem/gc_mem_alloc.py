import gc
gc.collect()
ok = True
try:
    before = gc.mem_free()
    junk = [bytearray(1000) for _ in range(100)]
    after = gc.mem_free()
    ok = after < before
    del junk
    gc.collect()
except AttributeError:
    pass  # CPython's gc has no mem_free
print("ok", ok)
