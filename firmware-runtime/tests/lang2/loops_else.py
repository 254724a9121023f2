for i in range(3):
    if i == 5:
        break
else:
    print("for completed")
for i in range(10):
    if i == 2:
        break
else:
    print("not printed")
print("i =", i)
n = 0
while n < 3:
    n += 1
else:
    print("while completed", n)
while True:
    n -= 1
    if n == 0:
        break
else:
    print("never")
for i in []:
    pass
else:
    print("empty else")
for i in range(5):
    if i % 2:
        continue
    print("even", i)
for i in range(3):
    for j in range(3):
        if j == 1:
            break
        print(i, j)
