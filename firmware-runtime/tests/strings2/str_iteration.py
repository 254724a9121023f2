s = "hello"
for i, c in enumerate(s):
    print(i, c, end=" ")
print()
print(list(s), tuple(s), set(s) == set("olhe"))
print([c * 2 for c in s if c != "l"])
counts = {}
for c in "mississippi":
    counts[c] = counts.get(c, 0) + 1
print(sorted(counts.items()))
it = iter("ab")
print(next(it), next(it), next(it, None))
print("".join(c.upper() if i % 2 else c for i, c in enumerate("alternate")))
