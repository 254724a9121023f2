from typing import Callable, Iterable, Iterator, Sized, Hashable, Sequence, Mapping, Container, Generator, Awaitable, MutableMapping, Collection
def f(): pass
def g(): yield 1
for i, v in enumerate((f, len, 3, "s", [1], {1: 2}, (1,), {1}, iter([]), g(), range(3), b"x", None, object())):
    print(i, [isinstance(v, t) for t in (Callable, Iterable, Iterator, Sized, Sequence, Mapping, Container, Generator, MutableMapping, Collection)])
print(isinstance(int, Callable), isinstance([], Hashable), isinstance(1, Hashable))
