# json.dumps / dump: formatting options, escaping, keys, floats, errors
import json

data = {"name": "Widget", "tags": ["a", "b"], "price": 9.5, "count": 3, "ok": True,
        "none": None, "nested": {"x": [1, 2, {"y": []}], "z": {}}, "t": (1, 2)}
print(json.dumps(data))
print(json.dumps(data, indent=2))
print(json.dumps(data, indent="\t", sort_keys=True))
print(json.dumps(data, indent=0))
print(json.dumps(data, separators=(",", ":")))
print(json.dumps(data, indent=4, separators=(",", " = ")))
print(json.dumps([], indent=2), json.dumps({}, indent=2), json.dumps([[]], indent=2))
print(json.dumps([1, [2, [3, []]], {}], indent=1))
for v in (0, -5, 10**20, 1.0, -0.0, 0.1, 1e16, 1.5e-7, 3.141592653589793, 1e300 * 10, -1e300 * 10,
          float("nan"), True, False, None, "", "plain"):
    print(json.dumps(v))
for bad in (float("nan"), float("inf"), [float("-inf")]):
    try:
        json.dumps(bad, allow_nan=False)
    except ValueError as e:
        print("ValueError", e)
# escaping, ensure_ascii default True
s = 'quote" back\\ slash/ nl\n cr\r tab\t bs\b ff\f nul\x00 esc\x1b del\x7f é ü € 😀 中'
print(json.dumps(s))
print(json.dumps(s, ensure_ascii=False))
print(json.dumps({"ключ": "значение"}), json.dumps({"ключ": "значение"}, ensure_ascii=False))
print(json.dumps("\U0010ffff\U00010000"))
# keys: str, int, float, bool, None converted; others TypeError
print(json.dumps({1: "a", 2.5: "b", True: "c", None: "d", "s": "e", False: 0, -3: 1}))
print(json.dumps({3: 1, 1: 2, 2: 3}, sort_keys=True), json.dumps({"b": 1, "a": {"d": 1, "c": 2}}, sort_keys=True))
print(json.dumps({float("inf"): 1, float("nan"): 2}))
for key in ((1, 2), frozenset()):
    try:
        json.dumps({key: 1})
    except TypeError as e:
        print("TypeError", e)
print(json.dumps({(1, 2): 1, "a": 2}, skipkeys=True))
try:
    json.dumps({1: 1, "a": 2}, sort_keys=True)
except TypeError as e:
    print("TypeError", e)
# not serializable, default=, cls=
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
for bad in (Point(1, 2), {1, 2}, b"bytes", object):
    try:
        json.dumps(bad)
    except TypeError as e:
        print("TypeError", e)
print(json.dumps([Point(1, 2), {"p": Point(3, 4)}], default=lambda o: o.__dict__))
print(json.dumps({"s": {3, 1, 2}}, default=sorted))
class Enc(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Point):
            return {"pt": [o.x, o.y]}
        return super().default(o)
print(json.dumps({"a": Point(5, 6)}, cls=Enc), Enc(indent=1).encode([Point(0, 0)]))
try:
    json.dumps(object(), cls=Enc)
except TypeError as e:
    print("TypeError", e)
print(Enc().encode("x"), json.JSONEncoder(sort_keys=True).encode({"b": 1, "a": 2}))
print("".join(json.JSONEncoder().iterencode([1, "a"])))
# circular references
c = []
c.append(c)
try:
    json.dumps(c)
except ValueError as e:
    print("ValueError", e)
cd = {}
cd["me"] = cd
try:
    json.dumps(cd)
except ValueError as e:
    print("ValueError", e)
shared = [1]
print(json.dumps([shared, shared]))
# subclasses of the basic types
class MyStr(str):
    pass
class MyInt(int):
    pass
class MyDict(dict):
    pass
class MyList(list):
    pass
print(json.dumps([MyStr("s"), MyInt(7), MyDict(a=1), MyList([2]), {MyInt(1): 1}]))
import collections
print(json.dumps(collections.OrderedDict([("z", 1), ("a", 2)])), json.dumps(collections.namedtuple("P", "x y")(1, 2)))
# dump to a file-like object
class Sink:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
out = Sink()
json.dump({"a": [1, 2]}, out, indent=2)
print("".join(out.parts))
