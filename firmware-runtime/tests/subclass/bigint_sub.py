class Big(int):
    def half(self):
        return self // 2

b = Big(10 ** 30)
print(b, repr(b), b.half(), b + 1, b * b, -b, b - 10 ** 30, b == 10 ** 30, hash(b) == hash(10 ** 30))
print(b > 10 ** 29, b < 10 ** 31, b // 7, b % 7, b >> 64, b & 0xffff, str(b)[:5], f'{b:,}'[:10], hex(b))
print(type(b).__name__, type(b + 0).__name__, bool(b), abs(Big(-10 ** 20)), int(b) == 10 ** 30, b.bit_length())
print(Big(-(2 ** 63)), Big(2 ** 63), Big(2 ** 64 - 1), Big(-(2 ** 64)), float(Big(2 ** 70)))
print(Big('123456789012345678901234567890'), Big(-1), Big(0), Big(2 ** 31), Big(-(2 ** 31)))
print({Big(2 ** 80): 1}[2 ** 80], divmod(Big(10 ** 20), 3), pow(Big(3), 50), Big(7) ** 2)
