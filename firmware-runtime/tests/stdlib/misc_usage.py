import json, collections, heapq, io, typing, copy, bisect
print(json.loads('{"b": 1, "a": 2}', object_pairs_hook=collections.OrderedDict))
print(list(heapq.merge((x * 2 for x in range(4)), (x * 3 for x in range(4)))))
s = io.StringIO("abcdef\nxy\n")
print(repr(s.readline(3)), repr(s.readline(10)), repr(s.readline(0)), repr(s.readline()), repr(s.readline()))
print(typing.Dict[str, "Foo"], typing.Optional[int] | None, None | typing.List[int])
class Task:
    def __init__(self, pri, name): self.pri, self.name = pri, name
    def __lt__(self, o): return self.pri < o.pri
    def __eq__(self, o): return self.pri == o.pri
    __hash__ = object.__hash__
pq = [Task(3, "c"), Task(1, "a"), Task(2, "b")]
heapq.heapify(pq)
print([t.name for t in pq], heapq.nsmallest(2, pq)[1].name, heapq.nlargest(1, pq)[0].name)
print(json.dumps({"a": 1, "b": [1, 2]}, indent=2, ensure_ascii=False, sort_keys=True, separators=(", ", ": ")))
data = json.loads('[{"n": "x", "v": 1}, {"n": "y", "v": 2}]')
print(sum(d["v"] for d in data), max(data, key=lambda d: d["v"])["n"])
class Cfg:
    def __init__(self): self.d = {"k": [1]}; self.name = "c"
c2 = copy.deepcopy(Cfg()); print(c2.d, c2.name, type(c2).__name__)
print(bisect.bisect([1, 2, 3], 2.5), bisect.bisect_left("abcde", "c"))
print(json.dumps(1.0), json.dumps(100.0), json.dumps(1e100), json.dumps(-1.5e-10), json.dumps(2.0**53))
b = io.BytesIO(); b.write("héllo".encode()); print(b.getvalue().decode(), len(b.getvalue()))
print(json.dumps({"a": float("nan")}), json.loads('{"a": NaN}'))
