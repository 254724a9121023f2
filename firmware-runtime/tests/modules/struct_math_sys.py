import struct, math, sys, time
# struct round trips
for fmt, vals in [("<BHI", (1, 2, 3)), (">bhiq", (-1, -2, -3, -4)), ("<fd", (1.5, -2.25)), ("!I", (0xdeadbeef,)), ("<2s3x?", (b"ab", False)), ("@i", (7,))]:
    p = struct.pack(fmt, *vals)
    print(fmt, p, struct.unpack(fmt, p), struct.calcsize(fmt))
print(struct.unpack_from("<H", b"\x00\x01\x02", 1))
ba = bytearray(6)
struct.pack_into("<HI", ba, 0, 0x1234, 0x56789abc)
print(ba)
try:
    struct.pack("<B", 256)
except struct.error as e:
    print("struct.error", e)
# math
print(math.floor(-0.5), math.ceil(-0.5), math.sqrt(2), math.exp(1), math.pow(2, 0.5), math.degrees(math.pi))
print(math.isqrt(99), math.comb(10, 3), math.perm(5, 2), math.prod([1, 2, 3, 4]), math.fsum([0.1] * 10))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
print(math.log(100, 10), math.modf(2.5), math.frexp(8.0), math.ldexp(0.5, 4), math.tau / 2 == math.pi)
# sys
print(sys.byteorder, type(sys.maxsize), len(sys.argv))
sys.stdout.write("no newline")
sys.stdout.write("\n")
print("x", file=sys.stdout)
print("to stderr", file=sys.stderr)
