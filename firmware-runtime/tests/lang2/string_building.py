parts = []
for i in range(50):
    parts.append(str(i * i))
s = ",".join(parts)
print(len(s), s[:40], s[-20:])
acc = ""
for i in range(30):
    acc += chr(65 + i % 26)
print(acc)
print("".join(reversed(acc)))
print("-".join(["x"]), "".join([]), " ".join(("a", "b")))
print("".join(str(d) for d in range(10)))
print(f"{1}{'a'}{2.5}{None}{[1]}")
n = -12345
print(str(n), repr(n), f"{n}", "%d" % n, str(-0), str(10 ** 9), str(-(2 ** 31)))
words = ["é", "ü", "x"]
j = "|".join(words)
print(j, len(j))
try:
    "".join([1, 2])
except TypeError as e:
    print("TypeError", e)
