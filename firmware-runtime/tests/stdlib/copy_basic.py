# copy: shallow vs deep, memo and cycles, hooks, instances, container subclasses, atoms
import copy

a = [1, [2, 3], {"k": [4]}]
s = copy.copy(a)
d = copy.deepcopy(a)
print(s == a, s is a, s[1] is a[1], d == a, d[1] is a[1], d[2]["k"] is a[2]["k"])
t = (1, 2, "x")
print(copy.copy(t) is t, copy.deepcopy(t) is t)
t2 = (1, [2])
dt2 = copy.deepcopy(t2)
print(dt2 == t2, dt2 is t2, dt2[1] is t2[1])
fs = frozenset([1, 2])
print(copy.copy(fs) is fs, copy.deepcopy(fs) == fs)
st = {1, 2, (3, 4)}
print(copy.copy(st) == st, copy.copy(st) is st, sorted(copy.deepcopy(st), key=str))
for atom in (None, 1, 2.5, True, "s", b"b", len, int, range(3), Ellipsis):
    print(repr(atom), copy.copy(atom) is atom, copy.deepcopy(atom) is atom)
def fn():
    return 1
print(copy.deepcopy(fn) is fn, copy.copy(fn) is fn)
ba = bytearray(b"xy")
print(copy.copy(ba), copy.copy(ba) is ba, copy.deepcopy(ba))
# shared references stay shared, cycles are reproduced
shared = [0]
pair = [shared, shared]
dp = copy.deepcopy(pair)
print(dp[0] is dp[1], dp[0] is shared)
cyc = [1]
cyc.append(cyc)
dc = copy.deepcopy(cyc)
print(dc[1] is dc, dc is cyc, dc)
dd = {"name": "root"}
dd["self"] = dd
cd = copy.deepcopy(dd)
print(cd["self"] is cd, cd is dd, cd)
ct = [1]
tup = (ct,)
ct.append(tup)
dct = copy.deepcopy(tup)
print(dct[0][1] is dct, dct[0] is not ct)
# memo argument
memo = {}
x = [1, 2]
y = copy.deepcopy([x, x], memo)
print(id(x) in memo, memo[id(x)] == x, y[0] is memo[id(x)])
z = copy.deepcopy(x, {id(x): "preset"})
print(z)
# instances
class P:
    def __init__(self, xs, tag):
        self.xs = xs
        self.tag = tag
    def __repr__(self):
        return "P(%r, %r)" % (self.xs, self.tag)
p = P([1, 2], "t")
p1 = copy.copy(p)
p2 = copy.deepcopy(p)
print(p1, p2, type(p2).__name__, p1.xs is p.xs, p2.xs is p.xs, p2 is p)
p.xs.append(3)
print(p1, p2)
class Node:
    def __init__(self, v):
        self.v = v
        self.next = None
n1, n2 = Node(1), Node(2)
n1.next, n2.next = n2, n1
m1 = copy.deepcopy(n1)
print(m1.v, m1.next.v, m1.next.next is m1, m1 is n1)
class Empty:
    pass
e = copy.copy(Empty())
print(type(e).__name__, vars(e))
# hooks
class Hooked:
    def __init__(self, v):
        self.v = v
    def __copy__(self):
        print("__copy__ called")
        return Hooked(self.v + 100)
    def __deepcopy__(self, memo):
        print("__deepcopy__ called", isinstance(memo, dict))
        return Hooked(copy.deepcopy(self.v, memo) + [0])
h = Hooked([1])
print(copy.copy(h).v, copy.deepcopy(h).v)
print(copy.deepcopy([h, h])[0].v)
class State:
    def __init__(self):
        self.a = 1
        self.cache = "big"
    def __getstate__(self):
        st = dict(self.__dict__)
        del st["cache"]
        return st
    def __setstate__(self, st):
        self.__dict__.update(st)
        self.cache = "rebuilt"
sc = copy.copy(State())
sd = copy.deepcopy(State())
print(sc.a, sc.cache, sd.a, sd.cache)
# container subclasses keep their type and attributes
class MyList(list):
    pass
ml = MyList([1, [2]])
ml.extra = "e"
cml = copy.copy(ml)
dml = copy.deepcopy(ml)
print(type(cml).__name__, cml, cml.extra, cml[1] is ml[1], type(dml).__name__, dml, dml[1] is ml[1], dml.extra)
class MyDict(dict):
    pass
md = MyDict(a=[1])
cmd = copy.deepcopy(md)
print(type(cmd).__name__, cmd, cmd["a"] is md["a"], type(copy.copy(md)).__name__)
import collections
Pt = collections.namedtuple("Pt", "x y")
pt = Pt([1], 2)
print(copy.copy(pt), copy.deepcopy(pt), copy.deepcopy(pt).x is pt.x, type(copy.deepcopy(pt)).__name__)
od = collections.OrderedDict([("b", 1), ("a", [2])])
cod = copy.deepcopy(od)
print(cod, cod["a"] is od["a"])
print(copy.error is copy.Error, issubclass(copy.Error, Exception))
big = {"users": [{"name": "ann", "tags": ["a", "b"]}, {"name": "bob", "tags": []}], "count": 2}
cb = copy.deepcopy(big)
cb["users"][0]["tags"].append("c")
print(big["users"][0]["tags"], cb["users"][0]["tags"], cb == big)
# enum members are singletons; deques and defaultdicts copy to independent objects
import enum
class Color(enum.Enum):
    RED = 1
    GREEN = 2
print(copy.copy(Color.RED) is Color.RED, copy.deepcopy([Color.GREEN])[0] is Color.GREEN)
dq = collections.deque([1, [2]], maxlen=5)
cq = copy.copy(dq)
dq2 = copy.deepcopy(dq)
cq.append(3)
dq2[1].append(9)
print(dq, cq, dq2, cq.maxlen, dq2.maxlen, cq[1] is dq[1])
dfd = collections.defaultdict(list)
dfd["a"].append(1)
c1 = copy.copy(dfd)
c2 = copy.deepcopy(dfd)
c1["b"].append(2)
c2["a"].append(3)
print(dict(dfd), dict(c1), dict(c2), c1["a"] is dfd["a"], c2.default_factory is list)
cnt = collections.Counter("abca")
print(sorted(copy.deepcopy(cnt).items()), type(copy.copy(cnt)).__name__)
