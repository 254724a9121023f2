# UDP on 127.0.0.1: sendto/recvfrom, connected send/recv, poll for readiness.
import select
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(("127.0.0.1", 0))
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(("127.0.0.1", 0))
pa, pb = a.getsockname(), b.getsockname()
print(a.sendto(b"ping", pb))
data, frm = b.recvfrom(100)
print(data, frm == pa)
b.connect(pa)
print(b.send(b"pong"), b.getpeername() == pa)
p = select.poll()
p.register(a, select.POLLIN)
print("ready:", len(p.poll(1000)))
data, frm = a.recvfrom(2)
print(data, frm == pb)
a.setblocking(False)
try:
    a.recvfrom(10)
except OSError as e:
    print("empty:", e.errno == 11)
p.unregister(a)
a.close()
b.close()
