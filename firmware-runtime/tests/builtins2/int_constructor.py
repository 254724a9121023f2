print(int(), int(5), int("10"), int("ff", 16), int("0o17", 0), int("z", 36), int(b"42"))
print(int(-2.9), int("  -12 "), int(True), int("+5"))
for bad in ("", "1.5", "abc", "0x", "1 2"):
    try:
        int(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError", e)
try:
    int(None)
except TypeError as e:
    print("TypeError", e)
class N:
    def __int__(self):
        return 7
    def __index__(self):
        return 8
print(int(N()), hex(N()), [1, 2, 3, 4, 5, 6, 7, 8, 9][N()])
