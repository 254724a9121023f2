data = [("x", 3), ("y", 1), ("z", 3), ("w", 2), ("v", 1)]
print(sorted(data, key=lambda t: t[1]))
print(sorted(data, key=lambda t: t[1], reverse=True))
recs = sorted(data)
recs.sort(key=lambda t: t[1])
print(recs)
big = [(i % 7, i) for i in range(50)]
s = sorted(big, key=lambda t: t[0])
print(all(s[i][1] < s[i + 1][1] for i in range(len(s) - 1) if s[i][0] == s[i + 1][0]))
print(sorted([3.5, -1, 2, 0.0, -0.5]))
print(sorted(["b", "A", "a", "B"]), sorted(["b", "A", "a", "B"], key=str.lower))
words = "the quick brown fox jumps over the lazy dog".split()
print(sorted(words, key=lambda w: (-len(w), w)))
