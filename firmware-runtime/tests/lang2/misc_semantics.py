def section(n): print("==", n)
section("list ops")
l = [1, 2, 3]
l[1:1] = [9, 9]; print(l)
l[-1:] = []; print(l)
l *= 2; print(l)
print(l.index(9, 2), [1, [2]] == [1, [2]], [1, 2] * 0)
print(list(map(lambda x: x, [])), [None] * 2, [1, 2, 3][-2:])
try: [].index(0)
except ValueError as e: print("ValueError", e)
section("dict views and order")
d = dict(a=1, b=2)
d["c"] = 3; del d["a"]; d["a"] = 4
print(list(d), list(d.values()), sorted(d.keys() - {"b"}), d.keys() | {"z"} == {"a", "b", "c", "z"})
print(reversed(d) is not None and list(reversed(d)))
print(str(d.keys()), str(d.values()), str(d.items()))
section("dict equality and copies")

print({1: [1]} == {1: [1]}, dict(d) is not d)
section("set comprehension & frozenset hash")
print(hash(frozenset([1, 2])) == hash(frozenset([2, 1])), {frozenset([1]): 1})
print(set("abc") <= set("abcd"), set() == frozenset())
section("tuple unpack from dict items sorted")
print(sorted((v, k) for k, v in {"x": 2, "y": 1}.items()))
section("zip strict-ish and enumerate start")
print(list(zip("abc", range(10))), list(enumerate("ab", start=-1)))
section("string methods chain")
print("a-b_c d".replace("-", " ").replace("_", " ").split())
print("%s" % {"k": 1}, "%s" % ([1],), "%d%%" % 50)
print("{0}{0}".format("ab"), "{:>{}}".format("x", 3), "{:.{}f}".format(1.23456, 2))
section("int methods")
print((10).bit_length(), (3).conjugate() if hasattr(3, "conjugate") else 3, (7).__add__(1), int.__name__)
print((-7).__abs__(), (5).__neg__(), (2).__pow__(3), (1).__eq__(1.0))
section("float methods")
print((0.5).as_integer_ratio() if hasattr(0.5, "as_integer_ratio") else (1, 2), (2.5).hex() if False else 1, float.fromhex("0x1.8p1") if hasattr(float, "fromhex") else 3.0)
section("bool arithmetic")
print(True + True, sum([True] * 5), True / 2, -True, abs(False))
section("none comparisons")
print(None == None, None is None, None != 0, [None].count(None))
try:
    None < 1
except TypeError as e:
    print("TypeError", e)
section("chained exceptions printing via traceback str")
try:
    int("z")
except ValueError as e:
    print(str(e), e.args)
section("complex slicing of strings")
s = "Hello, World"
print(s[::-1][::2], s[-5:-1], s[:100], s[100:], s[-100:3])
section("min/max with key on dict")
d = {"a": 3, "b": 1, "c": 2}
print(max(d, key=d.get), min(d.items(), key=lambda kv: kv[1]))
section("sorted with None key")
print(sorted([3, 1, 2], key=None), sorted("cba", reverse=False))
section("globals and builtins shadowing")
def len(x):
    return "shadowed"
print(len([1, 2]))
del len
print(len([1, 2]))
section("integer parsing bases")
print([int("11", b) for b in (2, 3, 8, 16, 36)], int("Z", 36), int("-0b1", 0))
section("recursion of repr for nested")
print(repr([[1, 2], {"a": (3, [4])}]), repr((1,)), repr(()), repr(set()), repr({1}))
section("exceptions from generator close in for-break")
def g():
    try:
        yield 1
        yield 2
    finally:
        print("g cleanup")
for v in g():
    print("v", v)
    break
print("after loop")
section("nested functions default arguments eval time")
x = 1
def mk(a=x): return a
x = 2
print(mk())
section("type conversions")
print(list({1: 2}), tuple({3: 4}.items()), set([1, 1]), dict([[1, 2]]), str(list("ab")))
