for v in [0, 1, -1, 255, 65535, 2 ** 31 - 1, 10 ** 15, -10 ** 12]:
    s = str(v)
    print(s, int(s) == v, hex(v), int(hex(v), 16) == v, bin(v)[:10])
for f in [0.5, 0.1, 1e-10, 12345.6789, 1e21, -2.5e-8]:
    print(repr(f), float(repr(f)) == f)
