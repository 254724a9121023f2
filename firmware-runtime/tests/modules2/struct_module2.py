import struct
b = struct.pack("<HhIb", 1, -2, 3, -4)
print(b, len(b), struct.unpack("<HhIb", b), struct.calcsize("<HhIb"))
print(struct.pack(">I", 0x01020304), struct.unpack(">i", b"\xff\xff\xff\xfe"))
print(struct.pack("<d", 1.5), struct.unpack("<f", struct.pack("<f", 0.25)))
print(struct.pack("3s", b"abcdef"), struct.unpack("<2H", b"\x01\x00\x02\x00"))
try:
    struct.pack("<B", 300)
except struct.error as e:
    print("struct.error")
