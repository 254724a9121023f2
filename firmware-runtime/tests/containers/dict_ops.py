d = {"a": 1, "b": 2}
d["c"] = 3
print(d, len(d), d["a"], "a" in d, "z" not in d)
print(list(d.keys()), list(d.values()), list(d.items()))
print(d.get("a"), d.get("z"), d.get("z", 0), d.pop("a"), d.pop("zz", None), d)
print(d.setdefault("b", 9), d.setdefault("n", 10), d)
d.update({"x": 1}, y=2); print(d)
d.update([("p", 0)]); print(d)
del d["x"]; print(d)
print(d.popitem(), d)
c = d.copy(); c["new"] = 1; print(len(d), len(c))
print(dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0), dict({"k": "v"}))
try:
    d["missing"]
except KeyError as e:
    print("KeyError", e)
d.clear(); print(d, bool(d))
m = {1: "int", 1.0: "float", True: "bool"}
print(m)
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({"a": 1} == {"a": 1}, {"a": 1} != {"a": 2}, {1: 2} | {3: 4})
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
