# vbpy's itertools (frozen): the iterator building blocks as generators.


def count(start=0, step=1):
    n = start
    while True:
        yield n
        n += step


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


def repeat(obj, times=None):
    if times is None:
        while True:
            yield obj
    else:
        for _ in range(times):
            yield obj


def chain(*iterables):
    for it in iterables:
        yield from it


def _from_iterable(iterables):
    for it in iterables:
        yield from it


chain.from_iterable = _from_iterable


def islice(iterable, *args):
    s = slice(*args)
    start, stop, step = s.start or 0, s.stop, s.step or 1
    it = iter(iterable)
    i = 0
    nxt = start
    for x in it:
        if stop is not None and i >= stop:
            return
        if i == nxt:
            yield x
            nxt += step
        i += 1


def accumulate(iterable, func=None, initial=None):
    it = iter(iterable)
    total = initial
    if initial is None:
        try:
            total = next(it)
        except StopIteration:
            return
    yield total
    for x in it:
        total = func(total, x) if func else total + x
        yield total


def takewhile(pred, iterable):
    for x in iterable:
        if not pred(x):
            return
        yield x


def dropwhile(pred, iterable):
    it = iter(iterable)
    for x in it:
        if not pred(x):
            yield x
            break
    for x in it:
        yield x


def filterfalse(pred, iterable):
    for x in iterable:
        if not (pred(x) if pred else x):
            yield x


def starmap(func, iterable):
    for args in iterable:
        yield func(*args)


def zip_longest(*iterables, fillvalue=None):
    its = [iter(i) for i in iterables]
    while True:
        row, alive = [], False
        for it in its:
            try:
                row.append(next(it))
                alive = True
            except StopIteration:
                row.append(fillvalue)
        if not alive:
            return
        yield tuple(row)


def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [()]
    for pool in pools:
        result = [r + (y,) for r in result for y in pool]
    for r in result:
        yield r


def permutations(iterable, r=None):
    pool = tuple(iterable)
    n = len(pool)
    r = n if r is None else r
    if r > n:
        return
    for idx in product(range(n), repeat=r):
        if len(set(idx)) == r:
            yield tuple(pool[i] for i in idx)


def combinations(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for idx in permutations(range(n), r):
        if sorted(idx) == list(idx):
            yield tuple(pool[i] for i in idx)


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    for idx in product(range(n), repeat=r):
        if sorted(idx) == list(idx):
            yield tuple(pool[i] for i in idx)


def groupby(iterable, key=None):
    it = iter(iterable)
    sentinel = object()
    cur = next(it, sentinel)
    while cur is not sentinel:
        k = key(cur) if key else cur
        group = [cur]
        cur = next(it, sentinel)
        while cur is not sentinel and (key(cur) if key else cur) == k:
            group.append(cur)
            cur = next(it, sentinel)
        yield k, iter(group)


def tee(iterable, n=2):
    data = list(iterable)
    return tuple(iter(data) for _ in range(n))


def pairwise(iterable):
    it = iter(iterable)
    prev = next(it, None)
    for x in it:
        yield prev, x
        prev = x
