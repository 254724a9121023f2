print(pow(10, 30), pow(-2, 63), pow(7, -1) == 1 / 7)
print(pow(3, 1000, 1000), pow(5, 0, 7), pow(0, 0, 1))
print(divmod(2 ** 70, 3), divmod(-(2 ** 70), 7))
print((2 ** 100) // -3, (2 ** 100) % -3)
