d = {}
for w in "the quick brown fox jumps over the lazy dog the end".split():
    d[w] = d.get(w, 0) + 1
print(sorted(d.items(), key=lambda kv: (-kv[1], kv[0])))
k = "".join(["ke", "y"])
d2 = {"key": 1}
print(d2[k], k in d2, k is "key" or True)
s = {"a", "b", "a" + ""}
print(sorted(s))
