print(float(), float(3), float("3.25"), float("1e3"), float(" 5 "), float("-inf"), float("nan"))
print(float("1_000.5"), float(".5"), float("5."), float("-0"))
for bad in ("", "abc", "1.2.3", "e5"):
    try:
        float(bad)
    except ValueError as e:
        print("ValueError", e)
class F:
    def __float__(self):
        return 2.5
print(float(F()))
print(float(2 ** 60), float(-(10 ** 18)))
