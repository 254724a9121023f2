for i in range(3):
    for j in range(3):
        if j == i:
            continue
        if j > 1:
            break
        print(i, j)
result = []
for i in range(4):
    j = 0
    while j < i:
        result.append((i, j))
        j += 1
print(result)
