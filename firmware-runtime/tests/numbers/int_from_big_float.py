# int() of floats far beyond 2**63 is exact, up to the largest double.
for x in [1e300, -1e300, 2.0 ** 70, -3e20, 1.5e19, 9.3e18, 2.0 ** 64, 2.0 ** 64 + 4096.0,
          1.7976931348623157e308, 123456789.0 * 2 ** 200]:
    print(int(x))
print(float(int(1e300)) == 1e300, round(1e300) == int(1e300))
