# select.poll with nothing registered still sleeps; select.select; polling with a timeout.
import select
import socket
import time

p = select.poll()
t0 = time.monotonic()
print(p.poll(120))
print("slept:", time.monotonic() - t0 >= 0.1)
t0 = time.monotonic()
print(list(p.ipoll(50)) if hasattr(p, "ipoll") else [])
print("slept:", time.monotonic() - t0 >= 0.04 or not hasattr(p, "ipoll"))

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
r, w, x = select.select([a], [b], [], 0.5)
print(r == [], w == [b], x)
b.sendto(b"x", a.getsockname())
r, w, x = select.select([a, b], [], [], 1)
print(r == [a], w, x)
print(a.recv(5))
t0 = time.monotonic()
print(select.select([a], [], [], 0.1), time.monotonic() - t0 >= 0.08)
p.register(a.fileno(), select.POLLIN)
print(p.poll(0))
b.sendto(b"y", a.getsockname())
res = p.poll(1000)
print(len(res), res[0][1] == select.POLLIN)
p.modify(a, select.POLLOUT)
res = p.poll(1000)
print(len(res), res[0][1] == select.POLLOUT)
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print("modify unknown: OSError", e.errno)
a.close()
b.close()
