import json, copy, heapq, bisect, io
# json: nested depth, unicode keys sorting, large ints, float formatting
print(json.dumps([[[[[]]]]]), json.loads("[" * 50 + "]" * 50) == eval("[" * 50 + "]" * 50))
print(json.dumps({"é": 1, "a": 2, "Z": 3}, sort_keys=True, ensure_ascii=False))
print(json.dumps([1e22, 1e-5, 123456789.123, 2**64, -2**70, 0.5e-323]))
print(json.loads("1e400"), json.loads("-1e400"), json.loads("[0.1, 1.7976931348623157e308]"))
print(json.dumps("\u2028\u2029"), json.dumps("a\x1fb"), json.dumps("\x7f", ensure_ascii=False))
print(json.dumps({"a": 1}, indent=None, separators=(",", ":")), json.dumps([1, 2], indent=" "))
print(json.dumps(True), json.dumps({True: False}), json.loads(" [ true , false , null ] "))
class E(json.JSONEncoder):
    def __init__(self, **kw):
        kw["indent"] = 1
        super().__init__(**kw)
print(json.dumps({"x": [1]}, cls=E))
dec = json.JSONDecoder(object_hook=lambda d: {k.upper(): v for k, v in d.items()})
print(dec.decode('{"a": {"b": 2}}'))
print(json.loads('{"a": 1.0}', parse_float=str), json.loads("[]", object_hook=print))
# bytearray in loads with utf-8
print(json.loads('"\\u00e9"'.encode()), json.loads('"é"'.encode("utf-8")))
