print(bytes(3), bytes([65, 66]), bytes("hé", "utf-8"), bytes(b"x"))
print(bytearray(b"ab"), bytearray(2), bytes(range(5)))
b = b"hello world"
print(b[0], b[-1], b[1:4], b.upper(), b.split(), b.find(b"o"), b.count(b"o"))
print(b.startswith(b"he"), b.endswith(b"ld"), b.replace(b"l", b"L"), b.strip(b"hd"))
print(b.decode(), b"\xc3\xa9".decode("utf-8"), list(b"ab"), b"a" + b"b", b"ab" * 2)
print(b.hex(), bytes.fromhex("41 42"), b"abc" < b"abd", b"x" in b"xyz", 120 in b"xyz")
ba = bytearray(b"abc")
ba[0] = 65
ba.append(68)
ba.extend(b"EF")
print(ba, len(ba), ba.pop(), bytes(ba))
try:
    bytes([256])
except ValueError as e:
    print("ValueError", e)
