# MicroPython's stream methods on sockets (read, readinto, readline, write); CPython's socket has
# none, so each helper falls back to recv/send there and both print the same.
import socket


def readline(s):
    if hasattr(s, "readline"):
        return s.readline()
    buf = b""
    while not buf.endswith(b"\n"):
        c = s.recv(1)
        if not c:
            break
        buf += c
    return buf


def read(s, n=-1):
    if hasattr(s, "read"):
        return s.read(n) if n >= 0 else s.read()
    buf = b""
    while n < 0 or len(buf) < n:
        try:
            d = s.recv(n - len(buf) if n >= 0 else 4096)
        except BlockingIOError:
            return buf or None
        if not d:
            break
        buf += d
    return buf


def readinto(s, b):
    if hasattr(s, "readinto"):
        return s.readinto(b)
    return s.recv_into(b)


def write(s, data):
    if hasattr(s, "write"):
        return s.write(data)
    s.sendall(data)
    return len(data)


srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(1)
a = socket.socket()
a.connect(srv.getsockname())
b, _ = srv.accept()
print(write(a, b"line one\nline two\nrest of it"))
print(readline(b))
print(readline(b))
print(read(b, 4))
buf = bytearray(3)
print(readinto(b, buf), buf)
buf = bytearray(8)
print(b.recv_into(buf, 3), buf)
print(write(a, b"xyz"))
b.setblocking(False)
print(read(b, 100))
print(read(b, 100))
a.close()
b.setblocking(True)
print(read(b))
print(readline(b))
b.close()
srv.close()
