class Meters(float):
    def km(self):
        return self / 1000

m = Meters(1500)
print(m, repr(m), m.km(), Meters('2.5'), Meters())
print(type(m) is Meters, isinstance(m, float), type(m * 2).__name__, m + 1, m - 0.5, m * 2, -m, abs(Meters(-1.5)))
print(m == 1500, 1500.0 == m, m < 2000, hash(m) == hash(1500.0), bool(m), bool(Meters(0)))
print(f'{m:.2f}', '%.1f' % m, '{:e}'.format(m), format(m, '>10'), round(m), int(m), float(m), type(float(m)).__name__)
print(m.is_integer(), m // 7, m % 7, m ** 0.5, divmod(m, 7))
m.unit = 'm'
print(m.unit, m.real)
