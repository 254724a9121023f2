import typing
from typing import NamedTuple, List, Dict, Callable, Optional, Union, Any, Tuple, Set, Iterator, Generator, Sequence, Mapping
class Emp(NamedTuple):
    """An employee."""
    name: str
    dept: str = "eng"
    salary: float = 100.0
    KIND = "person"
    def raise_(self, pct: float) -> "Emp":
        return self._replace(salary=self.salary * (1 + pct / 100))
    def __str__(self):
        return f"{self.name}@{self.dept}"
e = Emp("ann")
print(e, repr(e), e.raise_(10), Emp.KIND, e._asdict(), e == ("ann", "eng", 100.0), e[0], len(e))
n, d, s = e
print(n, d, s, isinstance(e, tuple), Emp._fields)
E2 = NamedTuple("E2", [("a", int), ("b", str)])
print(E2(1, "x"), E2._fields)
E3 = NamedTuple("E3", a=int)
print(E3(5))
try:
    Emp()
except TypeError as ex:
    print("TypeError")
print(Callable[[], None], Dict[str, List[int]], Tuple[int, str], Set[int], Iterator[int], Generator[int, None, None], Sequence[str], Mapping[str, Any])
print(Optional[Union[int, str]], Union[None, int], List[Optional[int]])
def gen() -> Iterator[int]:
    yield 1
print(list(gen()))
x: Dict[str, int] = {}
x["a"] = 1
print(x)
print(typing.get_args(Callable[[], None]), typing.get_origin(Dict[str, int]) is dict)
T = typing.TypeVar("T")
def first(xs: Sequence[T]) -> T:
    return xs[0]
print(first([3, 2]), first("zy"))
print(typing.Any, typing.Optional, typing.Union, typing.List)
Num = Union[int, float]
def add(a: Num, b: Num) -> Num: return a + b
print(add(1, 2.5), Num)
print(List[int] == List[int], List[int] == List[str], List[int] != Dict, hash(List[int]) == hash(List[int]))
