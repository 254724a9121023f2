for i in range(3):
    print(i)
for i in range(10, 0, -3):
    print(i)
for c in "abc":
    print(c)
for k in {"x": 1, "y": 2}:
    print(k)
for a, b in [(1, 2), (3, 4)]:
    print(a + b)
for i in range(5):
    if i == 3:
        break
else:
    print("no")
for i in range(2):
    pass
else:
    print("else", i)
for i, (a, b) in enumerate([(1, 2), (3, 4)]):
    print(i, a, b)
for x in []:
    print("never")
else:
    print("empty else")
