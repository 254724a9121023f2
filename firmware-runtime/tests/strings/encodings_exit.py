print(b"caf\xe9".decode("latin-1"), "café".encode("latin-1"), "abc".encode("ascii"), b"abc".decode("ascii"))
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print("UnicodeEncodeError")
try:
    b"\xff".decode()
except UnicodeDecodeError:
    print("UnicodeDecodeError")
print("end")
exit(4)
