parts = []
for i in range(10):
    parts.append(str(i))
print("".join(parts))
s = ""
for i in range(5):
    s += chr(ord("a") + i)
print(s)
print(" ".join(str(x) for x in range(5)))
try:
    ",".join([1, 2])
except TypeError as e:
    print("TypeError:", e)
