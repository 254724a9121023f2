b = b"hello"
print(b, len(b), b[0], b[1:3], b[-1], list(b[:2]), b + b" world", b * 2, b"ell" in b, 104 in b)
print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), b"abc".decode(), "héllo".encode("utf-8"))
print(b.hex(), bytes.fromhex("4142"), b.upper(), b.find(b"l"), b.count(b"l"), b.startswith(b"he"))
print(b"a,b".split(b","), b" x ".strip(), b"-".join([b"a", b"b"]), b.replace(b"l", b"L"))
ba = bytearray(b"abc")
ba[0] = 65; ba.append(100); ba.extend(b"ef")
print(ba, len(ba), ba[1], bytes(ba), ba.pop(), ba)
ba[1:3] = b"XYZ"; print(ba)
print(bytearray(2), bytearray([1, 2]) == b"\x01\x02", b"abc" < b"abd", repr(b"\n\t\\"))
for x in b"hi":
    print(x)
