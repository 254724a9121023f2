s = "0123456789"
for args in [(None, None, 2), (1, None, 3), (None, None, -1), (8, 2, -2), (-3, None, None), (2, -2, None), (100, None, None), (None, -100, None)]:
    print(args, s[slice(*args)])
u = "aé😀bc"
print(u[::2], u[1:3], u[::-1], u[-2:])
