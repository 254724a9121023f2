import math
print(math.sqrt(2), math.pi, math.e, math.floor(-2.5), math.ceil(2.1), math.trunc(-2.7))
print(math.gcd(12, 18), math.factorial(10), math.isclose(0.1 + 0.2, 0.3), math.fabs(-3))
print(math.log(math.e), math.log(8, 2), math.log10(1000), math.log2(1024), math.exp(0))
print(math.sin(0), math.cos(0), round(math.tan(math.pi / 4), 10), math.atan2(1, 1) * 4)
print(math.hypot(3, 4), math.degrees(math.pi), math.radians(180), math.copysign(1, -0.0))
print(math.isinf(math.inf), math.isnan(math.nan), math.isfinite(1.0), math.pow(2, 10))
print(math.modf(3.25), math.frexp(8.0), math.ldexp(0.5, 4), math.fmod(7, 3))
try:
    math.sqrt(-1)
except ValueError as e:
    print("ValueError", e)
