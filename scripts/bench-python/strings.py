# 20,000 list appends, then ''.join (MicroPython on mps2-an385: 16.1 M guest instructions).
parts = []
for i in range(20000):
    parts.append(str(i))
s = ''.join(parts)
print(len(s))
