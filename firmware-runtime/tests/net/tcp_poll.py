# A TCP echo server and a client in one program on 127.0.0.1, both non-blocking, driven by
# select.poll; poll results are compared by file descriptor (MicroPython returns the object,
# CPython the fd).
import select
import socket


def fd(x):
    return x if isinstance(x, int) else x.fileno()


srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("127.0.0.1", 0))
srv.listen(4)
srv.setblocking(False)
addr = srv.getsockname()
print("listening on", addr[0], addr[1] > 0)

p = select.poll()
p.register(srv, select.POLLIN)
print("idle poll:", p.poll(0))

cli = socket.socket()
cli.setblocking(False)
try:
    cli.connect(addr)
    print("connected at once")
except OSError as e:
    print("connect in progress:", isinstance(e, BlockingIOError), e.errno == 115)
p.register(cli, select.POLLOUT)

conn = None
written = False
got = b""
echoed = b""
msg = b"hello over poll\n" * 20
steps = 0
while len(echoed) < len(msg) and steps < 200:
    steps += 1
    for obj, ev in p.poll(1000):
        f = fd(obj)
        if f == srv.fileno():
            conn, peer = srv.accept()
            conn.setblocking(False)
            print("accepted from", peer[0], peer[1] == cli.getsockname()[1])
            p.register(conn, select.POLLIN)
        elif f == cli.fileno():
            if ev & select.POLLOUT and not written:
                print("client writable")
                cli.sendall(msg)
                written = True
                p.modify(cli, select.POLLIN)
            elif ev & select.POLLIN:
                echoed += cli.recv(100)
        elif conn is not None and f == conn.fileno():
            data = conn.recv(64)
            got += data
            conn.send(data.upper())
print("server got", len(got), "bytes; echo ok:", echoed == msg.upper() or echoed == msg)
print(echoed[:16])

# end of stream: the client shuts down writing, the server reads b'' and closes
cli.shutdown(socket.SHUT_WR)
p.unregister(cli)
try:
    p.unregister(cli)
except KeyError:
    print("unregister twice: KeyError")
while True:
    ready = [ev for obj, ev in p.poll(1000) if fd(obj) == conn.fileno()]
    if ready:
        break
print("eof:", conn.recv(10))
conn.close()
cli.close()
srv.close()
print("closed fileno", cli.fileno())
