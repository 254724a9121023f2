from collections import defaultdict, Counter, deque, OrderedDict, namedtuple
from functools import reduce, partial, lru_cache, wraps
from itertools import count, chain, islice, product, permutations, combinations, groupby, accumulate, zip_longest, cycle, repeat
d = defaultdict(list)
for w in ["apple", "avocado", "banana"]:
    d[w[0]].append(w)
print(d, dict(d), d["z"], len(d))
c = Counter("mississippi")
print(c, c.most_common(2), c["s"], c["zz"], sorted(c.elements())[:4])
q = deque([1, 2, 3], maxlen=4)
q.append(4); q.append(5); q.appendleft(0)
print(q, q.popleft(), q.pop(), len(q), list(q))
q2 = deque(range(5)); q2.rotate(2); print(q2)
od = OrderedDict(); od["b"] = 1; od["a"] = 2; od.move_to_end("b"); print(od, od.popitem(last=False))
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=9), tuple(p), P._fields, p == (1, 2))
print(reduce(lambda a, b: a * b, range(1, 6)), partial(pow, 2)(10))
@lru_cache(maxsize=None)
def fib(n): return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(80))
print(list(islice(count(5, 2), 4)), list(chain([1], (2, 3))), list(product("ab", [0, 1])))
print(list(permutations([1, 2, 3], 2)), list(combinations("abcd", 2)))
print([(k, list(g)) for k, g in groupby("aabccc")], list(accumulate([1, 2, 3, 4])))
print(list(zip_longest([1, 2], "abc", fillvalue="-")), list(islice(cycle("ab"), 5)), list(repeat(7, 3)))
def deco(f):
    @wraps(f)
    def w(*a): return f(*a)
    return w
@deco
def named(): pass
print(named.__name__)
