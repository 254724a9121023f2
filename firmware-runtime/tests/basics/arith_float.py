print(0.1 + 0.2, 1.5 * 2, 7.0 / 2, 7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2)
print(1e10, 1e16, 1e-5, 1.5e300, 123456789.123, 0.000123)
print(1/3, 2/3, 10/3, 100.0, 1e22, 1.0e-7)
print(float("1.5"), float("inf"), float("-inf"), float(" 2 "), float(3))
print(3.0 == 3, 0.1 + 0.2 == 0.3, 1.0 < 2, 2 ** 0.5)
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1.23456, 3), round(1234.5, -2))
print(int(3.9), int(-3.9), float(10) / 4)
print(abs(-2.5), -0.0, 5e-324, 1.7976931348623157e308)
print(repr(1.1), str(2.2), 3.3.__repr__())
x = 1.5
x += 1
print(x, x.is_integer(), (2.0).is_integer())
print(divmod(7.5, 2), divmod(-7.5, 2))
