import time
t0 = time.monotonic() if hasattr(time, "monotonic") else time.time()
t1 = time.time()
print(type(t1).__name__, t1 > 1e9)
time.sleep(0.001)
print(time.monotonic() >= t0 if hasattr(time, "monotonic") else True)
print(isinstance(time.time_ns(), int) if hasattr(time, "time_ns") else True)
