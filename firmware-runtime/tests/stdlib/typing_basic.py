import typing as t
from typing import List, Dict, Optional, Union, Callable, Any, TypeVar, Generic, NamedTuple, Iterable, Iterator, Tuple
print(t.Dict[str, None], t.List[int], t.Optional[int], t.Union[int, None], t.Union[int, str, None], t.Union[int], t.Callable[[int, str], bool], t.Callable[..., int], t.Literal["a", 1], t.Tuple[int, ...], t.Tuple[()], t.List["Foo"], t.Any, t.TypeVar("T"), t.List[t.TypeVar("T")], t.Optional[t.List[int]], t.Iterable[int], t.Dict, t.Union[int, t.Union[str, int]], t.List[t.Any], t.Type[int], t.ClassVar[int], t.Annotated[int, "m"], t.Final[int])
UserId = t.NewType("UserId", int); print(UserId, UserId(5))
print(t.List[int] == t.List[int], t.Union[int, str] == t.Union[str, int], t.get_origin(t.List[int]), t.get_args(t.Dict[str, int]), t.get_args(t.Optional[int]))
class P(t.NamedTuple):
    x: int
    y: int = 0
    def norm(self): return self.x + self.y
print(P(1), P(1, 2).norm(), P._fields, P._field_defaults, P.__annotations__)
try:
    class Q(t.NamedTuple):
        a: int = 1
        b: int
except TypeError as e: print(e)
M = t.TypedDict("M", {"a": int}); print(M(a=1))
class Movie(t.TypedDict, total=False):
    name: str
    year: int
m = Movie(name="x", year=1); print(m, m["name"], Movie.__annotations__, len(m))
T = t.TypeVar("T", bound=int); print(T, T.__name__, t.TypeVar("C", covariant=True))
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
    def pop(self) -> T: return self.items.pop()
s = Stack[int](); s.push(1); s.push(2); print(s.pop(), s.items)
def f(a: Optional[int] = None, *b: Any, **c: Dict[str, Any]) -> Union[int, str]:
    return a
print(f(3))
print(isinstance([], List), isinstance({}, Dict), isinstance([], Iterable), isinstance(iter([]), Iterator), isinstance(3, Iterable), isinstance(3, Union[int, str]), isinstance(None, Optional[int]))
try: isinstance([], List[int])
except TypeError as e: print(e)
class MyList(List[int]):
    def total(self): return sum(self)
ml = MyList([1, 2]); print(ml.total(), ml, isinstance(ml, list), isinstance([], MyList), isinstance(ml, MyList))
print(t.cast(int, "x"), t.TYPE_CHECKING, t.get_type_hints(P))
@t.overload
def g(x: int) -> int: ...
@t.final
def g(x): return x * 2
print(g(4))
class Proto(t.Protocol):
    def meth(self) -> int: ...
class Impl(Proto):
    def meth(self): return 1
print(Impl().meth())
Vec = List[float]
def scale(v: Vec, k: float) -> Vec: return [x * k for x in v]
print(scale([1.0, 2.0], 2), Vec)
class Node:
    children: "List[Node]"
    parent: Optional["Node"] = None
print(Node.parent, Node.__annotations__['children'])
C = Callable[[int], int]; print(C)
print(t.get_origin(Union[int, str]) is Union, t.get_args(Callable[[int], str]))
from abc import ABC, abstractmethod
class Repo(ABC, Generic[T]):
    @abstractmethod
    def get(self, k: int) -> T: ...
class IntRepo(Repo[int]):
    def get(self, k): return k * 10
print(IntRepo().get(2))
try: Repo()
except TypeError as e: print(e)
from typing import Protocol, runtime_checkable
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class File:
    def close(self): pass
class Rock:
    pass
print(isinstance(File(), Closer), isinstance(Rock(), Closer), isinstance(io_like := File(), Closer))
@runtime_checkable
class HasName(Protocol):
    name: str
class Named:
    def __init__(self): self.name = "n"
print(isinstance(Named(), HasName), isinstance(Rock(), HasName))
class Shape(Protocol):
    def area(self) -> float: ...
class Sq:
    def area(self): return 4.0
def total(shapes: List[Shape]) -> float:
    return sum(s.area() for s in shapes)
print(total([Sq(), Sq()]))
