print(int("42"), int("-17"), int(" 8 "), int("ff", 16), int("0x1f", 16), int("0b101", 0), int("0o17", 0), int("z", 36))
print(int(True), int(3.99), int("1_000"), int("101", 2))
print(hex(255), oct(8), bin(5), hex(-255), bin(0))
for s in ["abc", "1.5", "", "0x"]:
    try:
        int(s)
    except ValueError as e:
        print("ValueError:", e)
print(str(123), repr(-5), (42).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print(int.from_bytes(b"\xff\xff", "big", signed=True), (-1).to_bytes(2, "little", signed=True))
