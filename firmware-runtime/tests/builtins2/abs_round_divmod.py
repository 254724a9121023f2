for v in (0, 1, -1, 2.5, -2.5, 0.5, -0.5, 1.25, 123.456):
    print(v, abs(v), round(v), round(v, 1))
print(round(0.125, 2), round(0.375, 2), round(-1.5), round(5, 1), type(round(5.0)))
print(divmod(-7, 2), divmod(7.0, -2), divmod(0, 5))
try:
    divmod(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)
