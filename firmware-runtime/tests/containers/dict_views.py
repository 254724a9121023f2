d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it, len(k), "a" in k, 2 in v, ("b", 2) in it)
d["d"] = 4
print(list(k), sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}))
print(list(reversed(list(d))), {**d}, dict(sorted(d.items(), reverse=True)))
try:
    for key in d:
        d["new"] = 1
except RuntimeError as e:
    print("RuntimeError", e)
