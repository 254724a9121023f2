n = 27
steps = 0
while n != 1:
    n = n // 2 if n % 2 == 0 else 3 * n + 1
    steps += 1
print(steps)
a, b = 0, 1
fibs = []
while len(fibs) < 12:
    fibs.append(a)
    a, b = b, a + b
print(fibs)
i = 10
while i:
    i -= 3
    if i < 0:
        print("negative", i)
        break
else:
    print("reached zero")
stack = [1, [2, [3, [4]]]]
total = 0
while stack:
    item = stack.pop()
    if isinstance(item, list):
        stack.extend(item)
    else:
        total += item
print(total)
