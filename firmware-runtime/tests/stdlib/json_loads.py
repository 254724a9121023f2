# json.loads / load: values, whitespace, escapes, hooks, and JSONDecodeError messages
import json

doc = '''
{
  "name": "Widget", "tags": ["a", "b"], "price": 9.5, "count": 3,
  "ok": true, "bad": false, "none": null, "nested": {"x": [1, 2, {"y": []}], "z": {}},
  "exp": [1e3, 1E-2, -2.5e+2, 0.0, -0], "big": 123456789012345678901234567890
}
'''
obj = json.loads(doc)
print(obj)
print(type(obj["price"]).__name__, type(obj["exp"][0]).__name__, type(obj["exp"][4]).__name__, obj["big"] + 1)
print(json.loads("[]"), json.loads("{}"), json.loads('""'), json.loads(" \t\r\n 7 \n"))
print(json.loads('"\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041 \\u00e9 \\u20ac \\ud83d\\ude00"'))
print(json.loads('"caf\u00e9 \u4e2d"'), json.loads('"\\u00E9\\u00e9"'))
print(json.loads("NaN"), json.loads("Infinity"), json.loads("-Infinity"), json.loads("[1.5e999]"))
print(json.loads(b'{"b": 1}'), json.loads(bytearray(b"[2]")))
print(json.loads('{"a": 1, "a": 2}'), json.loads('{"": 0}'))
print(json.loads(json.dumps({"r": [1, "two", 3.0, None, True, {"s": "é😀"}]})))
# hooks
print(json.loads('{"a": {"b": 1}}', object_hook=lambda d: sorted(d.items())))
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda ps: ps))
print(json.loads('[1.10, 2, 3e2]', parse_float=lambda s: "F" + s), json.loads('[1, -20]', parse_int=lambda s: int(s) * 10))
print(json.loads('[NaN, Infinity]', parse_constant=lambda s: s.upper()))
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%r, %r)" % (self.x, self.y)
def as_point(d):
    return Point(d["x"], d["y"]) if set(d) == {"x", "y"} else d
print(json.loads('{"pts": [{"x": 1, "y": 2}, {"x": 3, "y": 4}], "n": 2}', object_hook=as_point))
print(json.JSONDecoder().decode("[3]"), json.JSONDecoder().raw_decode('{"a": 1} trailing'))
print(json.JSONDecoder(strict=False).decode('"a\tb"') == "a\tb")
class Src:
    def read(self):
        return '{"from": "file"}'
print(json.load(Src()))
# errors
cases = ['', ' ', '[', '[1', '[1,', '[1,]', '[1 2]', '{', '{"a"', '{"a" 1}', '{"a":', '{"a":1',
         '{"a":1,}', '{"a":1 "b":2}', '{1:2}', "{'a': 1}", '"abc', '"a\\x"', '"\\u12"', '"\\u12g4"',
         '"a\nb"', '01', '1.', '-', '-a', 'tru', 'nul', 'True', 'None', '1 2', '[1]x', '"\\', '"\\u',
         '"abc\\"', '\n\n  [1,\n  x]', '{"a":1}}', '1e', '.5', '[-]', '{"a" : 1 , }', '\ufeff1',
         'infinity', '[1,\n]', '{"a":[1,{"b":', '"x\\ud83d', '"\\ud83d\\uzzzz"', '"ab\\u1234']
for c in cases:
    try:
        print(repr(c), "->", repr(json.loads(c)))
    except json.JSONDecodeError as e:
        print(repr(c), "->", e, "|", e.msg, e.pos, e.lineno, e.colno, e.doc == c)
try:
    json.loads("[1, 2")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e.args)
for bad in (None, 5, [1]):
    try:
        json.loads(bad)
    except TypeError as e:
        print("TypeError", e)
err = json.JSONDecodeError("Custom", "ab\ncd", 4)
print(err, err.lineno, err.colno, isinstance(err, ValueError))
