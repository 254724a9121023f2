# Socket errors: refused connections, timeouts, non-blocking calls, closed sockets, getaddrinfo.
import errno
import socket
import time

print(socket.getaddrinfo("127.0.0.1", 8080, 0, socket.SOCK_STREAM)[0][-1])
print(socket.getaddrinfo("127.0.0.1", "53", socket.AF_INET, socket.SOCK_DGRAM)[0][-1])
ai = socket.getaddrinfo("127.0.0.1", 7, 0, socket.SOCK_STREAM)[0]
print(ai[0] == socket.AF_INET, ai[1] == socket.SOCK_STREAM, ai[2] in (0, socket.IPPROTO_TCP))

# a port nobody listens on: bind one, then close it
tmp = socket.socket()
tmp.bind(("127.0.0.1", 0))
dead = tmp.getsockname()
tmp.close()
s = socket.socket()
try:
    s.connect(dead)
except OSError as e:
    print("refused:", e.errno == errno.ECONNREFUSED, isinstance(e, ConnectionRefusedError))
    print(e)
s.close()

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
c = socket.socket()
c.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
c.connect(srv.getsockname())
conn, _ = srv.accept()

# settimeout: a blocking recv that times out raises TimeoutError, an OSError
print(c.gettimeout())
c.settimeout(0.2)
print(c.gettimeout())
t0 = time.monotonic()
try:
    c.recv(10)
except OSError as e:
    print("timeout:", isinstance(e, TimeoutError), time.monotonic() - t0 >= 0.15)
c.settimeout(None)

# non-blocking: no data is EAGAIN (BlockingIOError)
conn.setblocking(False)
try:
    conn.recv(10)
except OSError as e:
    print("would block:", e.errno == errno.EAGAIN, isinstance(e, BlockingIOError))
srv.setblocking(False)
try:
    srv.accept()
except OSError as e:
    print("accept would block:", e.errno == errno.EAGAIN)

# data then the peer closes: recv returns b''
c.send(b"bye")
conn.setblocking(True)
print(conn.recv(10))
c.close()
print(conn.recv(10))
conn.close()

# operations on a closed socket
try:
    conn.send(b"x")
except OSError as e:
    print("closed:", e.errno == errno.EBADF)
with socket.socket() as w:
    print("in with:", w.fileno() >= 0)
print("after with:", w.fileno())
srv.close()

try:
    socket.socket(socket.AF_INET, 99)
except OSError as e:
    print("bad type: OSError")
