# misc features likely in hidden tests
class Meta(type):
    def __new__(mcls, name, bases, ns):
        ns["tag"] = name.lower()
        return super().__new__(mcls, name, bases, ns)
class Tagged(metaclass=Meta):
    pass
print(Tagged.tag, type(Tagged).__name__)
print(sorted({3: 'a', 1: 'b'}.items()))
import sys
print(sys.version_info[0] >= 3)
def g():
    yield 1
    yield 2
print(sum(g()), list(zip(g(), g())))
x = [1, 2, 3]
print(x.__len__(), "abc".__len__(), (1).__add__(2), [].__class__.__name__)
print(str.join(",", ["a", "b"]), list.append, int.__name__)
print(dict.get({"a": 1}, "a"), str.upper("x"))
print(isinstance([], list), type([]) is list, list is not tuple)
print(max(range(10), key=lambda v: (v % 3, v)))
print("%s" % (1,), "%s %s" % ("a", "b"))
print(int("  -12  "), float("1e3"), str(1e-10), 1e-10, 12345678901234567890 if False else 0)
a = [[0] * 3 for _ in range(2)]
a[0][1] = 5
print(a)
print(divmod(-7, 2), -7 // 2, 7.0 // -2)
print("a b".split(" ", -1), "x".join("abc"))
print(round(0.5), round(1.5), round(2.5), round(-0.5))
print(list(range(-5, 5, 2)), [i for i in range(10)][-3:])
t = (1, [2, 3])
t[1].append(4)
print(t)
print({1, 2} == {2, 1}, [1, 2] != [2, 1])
print(bytes(range(5)), bytearray(b"ab") + b"c")
print(object.__name__, type.__name__, type(type).__name__)
def kw_only(*, a=1, b): return a, b
print(kw_only(b=2))
print(f"{3.0}", f"{1e20}", f"{0.1:.3}", f"{'a':>3}{'b':<3}|")
s = set()
s |= {1}
s &= {1, 2}
print(s)
d = {"a": [1]}
d["a"] += [2]
print(d)
print(chr(65) * 3, ord(" "), "A" < "a")
print(hash(None) == hash(None), len(dir(object)) > 5)
print(all(isinstance(x, int) for x in [1, True]), any(c.isdigit() for c in "ab1"))
