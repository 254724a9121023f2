# vbpy's heapq (frozen): binary min-heaps on plain lists, following CPython's heapq module
# documentation.  The sift steps are the ones CPython's documentation describes (pop moves the
# smaller child up to a leaf, then sifts the last item back down), so after any sequence of calls
# the list holds the same items in the same order as under CPython; only "<" is used.


def _siftdown(heap, start, pos):
    item = heap[pos]
    while pos > start:
        parent = (pos - 1) >> 1
        if item < heap[parent]:
            heap[pos] = heap[parent]
            pos = parent
        else:
            break
    heap[pos] = item


def _siftup(heap, pos):
    end = len(heap)
    start = pos
    item = heap[pos]
    child = 2 * pos + 1
    while child < end:
        right = child + 1
        if right < end and not heap[child] < heap[right]:
            child = right
        heap[pos] = heap[child]
        pos = child
        child = 2 * pos + 1
    heap[pos] = item
    _siftdown(heap, start, pos)


def heappush(heap, item):
    heap.append(item)
    _siftdown(heap, 0, len(heap) - 1)


def heappop(heap):
    if not heap:
        raise IndexError("index out of range")
    last = heap.pop()
    if heap:
        item = heap[0]
        heap[0] = last
        _siftup(heap, 0)
        return item
    return last


def heapreplace(heap, item):
    if not heap:
        raise IndexError("index out of range")
    top = heap[0]
    heap[0] = item
    _siftup(heap, 0)
    return top


def heappushpop(heap, item):
    if heap and heap[0] < item:
        item, heap[0] = heap[0], item
        _siftup(heap, 0)
    return item


def heapify(x):
    for i in range(len(x) // 2 - 1, -1, -1):
        _siftup(x, i)


# The documented equivalents: sorted(...)[:n] is stable, as CPython's results are.
def nsmallest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key)[:n]


def nlargest(n, iterable, key=None):
    if n <= 0:
        return []
    return sorted(iterable, key=key, reverse=True)[:n]


def merge(*iterables, key=None, reverse=False):
    # heap entries are [sort key, source index, value, iterator]: the index breaks ties, so equal
    # items come out in the order of the iterables, as CPython's merge is stable
    h = []
    for i, it in enumerate(iterables):
        it = iter(it)
        for v in it:
            h.append([v if key is None else key(v), -i if reverse else i, v, it])
            break
    if reverse:
        # a max-heap through a wrapper whose "<" is reversed on the key, then the index
        h = [_Rev(e) for e in h]
    heapify(h)
    while h:
        top = h[0]
        e = top.e if reverse else top
        yield e[2]
        for v in e[3]:
            e[0] = v if key is None else key(v)
            e[2] = v
            heapreplace(h, top)
            break
        else:
            heappop(h)


class _Rev:
    def __init__(self, e):
        self.e = e

    def __lt__(self, other):
        # [key, index] pairs as in the min-heap, compared the other way round
        return other.e[:2] < self.e[:2]
