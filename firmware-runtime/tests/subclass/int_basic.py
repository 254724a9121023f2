class Status(int):
    def describe(self):
        return 'ok' if self == 0 else 'error %d' % self

s = Status(3)
print(s, repr(s), s.describe(), Status(0).describe(), Status())
print(type(s) is Status, isinstance(s, int), type(s + 1).__name__, s + 1, s * 2, -s, ~s, abs(Status(-5)))
print(s == 3, 3 == s, s < 4, s > 2, hash(s) == hash(3), bool(s), bool(Status(0)))
print([10, 20, 30, 40][s], 'abc'[Status(1)], range(s), list(range(Status(2))))
print(s // 2, s % 2, s ** 2, s / 2, s << 2, s >> 1, s & 1, s | 4, s ^ 1, divmod(s, 2))
print('%d %x %s %r' % (s, s, s, s), f'{s:04d}', '{:>3}'.format(s), format(s, 'b'))
print(int(s), type(int(s)).__name__, float(s), str(s), s.bit_length(), s.to_bytes(2, 'big'))
d = {3: 'three'}
print(d[s], s in d, {s: 1}[3])
print(Status('ff', 16), Status('12'), Status(2.9), Status(True))
s.note = 'x'
print(s.note, s.real, s.imag)
print(Status(-7), Status(1 << 40), Status(-(1 << 40)), Status(1 << 40) + 1)
