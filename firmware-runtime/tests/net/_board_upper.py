# Board check, not a conformance test (the leading '_' keeps run_tests.py off it): listens on
# 1234 and echoes each line upper-cased until a client sends "quit"; prints what it receives.
#   emulator: VboardCli run --hostfwd tcp::5555-:1234 --semihosting-root tests/net \
#               build/mps2-an385/python.elf -- _board_upper.py
#   QEMU, from tests/net: qemu-system-arm -M mps2-an385 -nographic \
#     -semihosting-config enable=on,target=native -kernel python.elf -append _board_upper.py \
#     -nic user,hostfwd=tcp::5556-:1234
#   then e.g.: printf 'hello\nquit\n' | nc 127.0.0.1 5555
import select
import socket

srv = socket.socket()
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(("0.0.0.0", 1234))
srv.listen(2)
print("listening on", srv.getsockname()[1])
done = False
while not done:
    conn, peer = srv.accept()
    print("client connected")
    while True:
        line = conn.readline()
        print("line:", line)
        if not line:
            break
        if line.strip() == b"quit":
            done = True
            break
        conn.write(line.upper())
    conn.close()
    print("client gone")
srv.close()
print("bye")
