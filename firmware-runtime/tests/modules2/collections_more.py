from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
dd = defaultdict(list)
for k, v in [("a", 1), ("b", 2), ("a", 3)]:
    dd[k].append(v)
print(sorted(dd.items()), dd["zz"], len(dd))
c = Counter("abracadabra")
print(c["a"], c["z"], c.most_common(2), sorted(c.elements())[:4])
d = deque([1, 2, 3], maxlen=4)
d.append(4); d.append(5); d.appendleft(0)
print(list(d), d.pop(), d.popleft(), len(d))
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x + p.y, p._replace(x=5), P._fields, p._asdict())
od = OrderedDict()
od["z"] = 1; od["a"] = 2
od.move_to_end("z")
print(list(od), od.popitem())
