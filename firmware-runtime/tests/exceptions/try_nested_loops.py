results = []
for i in range(5):
    try:
        if i % 2:
            raise ValueError(i)
        results.append(i)
    except ValueError as e:
        results.append(-int(str(e)))
        continue
    finally:
        results.append("f")
print(results)
def find(matrix, target):
    try:
        for r, row in enumerate(matrix):
            for c, v in enumerate(row):
                if v == target:
                    raise StopIteration((r, c))
    except StopIteration as s:
        return s.value
    return None
print(find([[1, 2], [3, 4]], 3), find([[1]], 9))
count = 0
while True:
    try:
        count += 1
        if count > 3:
            break
    finally:
        pass
print(count)
