d = {"a": 1, "b": 2, "c": 3}
print(list(k for k in d), list(v for v in d.values()), list(d.items()))
print({k: v for k, v in d.items() if v > 1})
try:
    for k in d:
        d["new"] = 0
except RuntimeError as e:
    print("RuntimeError", e)
keys = d.keys()
d["z"] = 26
print(list(keys), len(keys), "z" in keys)
print(sorted(d.items(), key=lambda kv: -kv[1])[:2])
