parts = [str(i) for i in range(2000)]
s = "".join(parts)
print(len(s), s[:20], s[-10:])
s2 = ", ".join(parts[:5])
print(s2)
u = "é".join(["a"] * 5)
print(u, len(u), len(u.encode()))
print("".join(["x"]) is not None, "-".join(("a", "b", "c")))
print("".join(map(chr, range(97, 123))))
