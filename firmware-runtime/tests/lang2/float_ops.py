print(0.1 + 0.2, 1 / 3, 2 / 2, 7 / 2)
print(1e100, 1.5e-7, 123456789.0, 1e16, 1e15)
print(float("1.5"), float(" -2.25 "), float("inf"), float("-inf"))
print(3.7 // 1, -3.7 // 1, 3.7 % 1 < 0.71, -7.5 % 2)
print(round(3.14159, 2), round(2.675, 2), round(-0.5), round(1.5))
print(int(1e10), float(10 ** 20))
print(1.0 == 1, 0.5 < 1, float("nan") != float("nan"))
print(abs(-2.5), max(1.5, 2), min(-0.0, 0.0))
print(2.0 ** 0.5, 10 ** -2, 4 ** 0.5)
print((1.5).is_integer(), (2.0).is_integer())
print(divmod(7.5, 2), divmod(-7.5, 2))
print(float(True), 3 * 1.5, 1.1 * 3)
print(str(1.0), repr(0.1), str(-0.0), 1e22, 1e-5)
print(sum([0.1] * 10), 0.1 * 10)
try:
    1 / 0.0
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
