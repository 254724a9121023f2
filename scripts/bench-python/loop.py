# 1,000,000 iterations of a while loop (MicroPython on mps2-an385: 239 guest instructions each).
i = 0
while i < 1000000:
    i += 1
print(i)
