# Board check, not a conformance test (the leading '_' keeps run_tests.py off it): prints the
# quote of a qotd service (RFC 865), by default the netstack's on 10.0.2.2:17.
#   emulator: VboardCli run --semihosting-root tests/net build/mps2-an385/python.elf -- _board_qotd.py
#   QEMU (slirp has no qotd: serve one on the host's 127.0.0.1:17000 first), from tests/net:
#     qemu-system-arm -M mps2-an385 -nographic -semihosting-config enable=on,target=native \
#       -kernel python.elf -append '_board_qotd.py 10.0.2.2 17000' -nic user
import sys
import socket

host = sys.argv[1] if len(sys.argv) > 1 else "10.0.2.2"
port = int(sys.argv[2]) if len(sys.argv) > 2 else 17
ai = socket.getaddrinfo(host, port, 0, socket.SOCK_STREAM)[0]
s = socket.socket(ai[0], ai[1], ai[2])
s.settimeout(10)
s.connect(ai[-1])
quote = b""
while True:
    data = s.recv(512)
    if not data:
        break
    quote += data
s.close()
print("quote:", quote.decode().strip())
