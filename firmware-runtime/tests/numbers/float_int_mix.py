# string/number formatting corner cases frequently printed
print(1e16, 1e15, 123e-7, 0.1 + 0.2, 1/7, 100/3, -1/3, 2.0 ** 0.5, 10.0 ** 20, 1.0 / 1024)
print(3 / 2, 4 / 2, 7 // 2.0, 2 ** 0.5 * 2 ** 0.5, round(2.675, 2), round(0.125, 2), round(-1.5))
print(f"{0.1:.20f}", f"{1/3:.15g}", f"{12345.6789:.2e}", "%.0f" % 0.5, "%.0f" % 1.5, "%g" % 100000, "%g" % 1000000)
print(str(10**15 + 0.5), float("1e-7"), float("123.456e2"), 5e-7, 1.5e-5)
print(int(1e15), int(-2.5), int(7.99999), float(2**60), 2**60 + 0.0)
print(max(1, 2.5), min(-1, -1.5), sum([0.1] * 10), abs(-3 + 0.5))
print(hash(1.5) == hash(1.5), 1.0 in {1}, {1: "a"}[1.0], 1 == 1.0, True == 1, {True: "t", 1: "one"})
print(bool(float("nan")), float("nan") == float("nan"), float("inf") > 10**100)
