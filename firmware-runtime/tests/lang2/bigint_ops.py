a = 2 ** 100
b = 3 ** 50
print(a, b)
print(a + b, a - b, b - a)
print(a * b)
print(a // b, a % b)
print(-a // b, -a % b)
print(a >> 50, a << 3, a & (2 ** 64 - 1), a | 1, a ^ a)
print(a == 2 ** 100, a > b, a < -b, hash(5) == hash(5))
print(str(10 ** 30), len(str(2 ** 200)))
print(int("123456789012345678901234567890") + 1)
print(divmod(10 ** 25, 12345))
x = 1
for i in range(1, 30):
    x *= i
print(x)
print(abs(-(2 ** 70)), -(2 ** 70))
print(pow(2, 200, 10 ** 9 + 7))
print((2 ** 64).bit_length(), (2 ** 64 - 1).bit_length())
print(hex(2 ** 80), bin(2 ** 40))
