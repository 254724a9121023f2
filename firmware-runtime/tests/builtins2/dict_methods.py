d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, "z" not in d)
print(d.pop("b"), d.pop("zz", "dflt"), d)
try:
    d.pop("zz")
except KeyError as e:
    print("KeyError", e)
print(d.setdefault("a", 9), d.setdefault("n", []), d)
d.update({"x": 1}, y=2); d.update([("w", 0)])
print(d)
print(d.popitem(), len(d))
print(dict.fromkeys("ab", 0), dict.fromkeys([1, 2]))
e = d.copy(); e.clear(); print(e, bool(d))
print({1: "a"} == {1: "a"}, {1: 2} != {1: 3})
print({**d, "a": "over"}["a"])
d2 = {}
for i in range(20):
    d2[i] = i * i
for i in range(0, 20, 2):
    del d2[i]
print(d2, len(d2))
print({"a": 1} | {"b": 2})
