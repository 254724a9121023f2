import functools, operator
print(functools.reduce(operator.add, [1, 2, 3, 4]), functools.reduce(lambda a, b: a * b, range(1, 6), 1))
p = functools.partial(pow, 2)
print(p(10), functools.partial(int, base=2)("101"))
@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(60))
print(sorted(["bb", "a", "ccc"], key=functools.cmp_to_key(lambda x, y: len(x) - len(y))))
print(operator.itemgetter(1)([5, 6]), operator.attrgetter("real")(3), operator.mul(3, 4))
print(sorted([(1, "b"), (0, "c")], key=operator.itemgetter(1)))
def deco(f):
    @functools.wraps(f)
    def w(*a):
        return f(*a)
    return w
@deco
def named():
    "doc"
    return 1
print(named.__name__, named())
