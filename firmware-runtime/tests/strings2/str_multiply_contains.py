s = "ab" * 5
print(s, len(s), s.count("ab"), "ba" in s, "aa" in s)
print(("-" * 10) + ">", "=" * 0)
lines = ["row%d" % i for i in range(3)]
print("\n".join(lines))
print("x".join(str(i) for i in range(5)))
table = ""
for r in range(3):
    table += " ".join("%2d" % (r * 3 + c) for c in range(3)) + "\n"
print(table, end="")
