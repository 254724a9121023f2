from dataclasses import dataclass, field, asdict, replace
from contextlib import contextmanager, suppress
@dataclass
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list)
@dataclass(order=True, frozen=True)
class Version:
    major: int
    minor: int = 0
p = Point(1)
print(p, Point(2, 3, ["a"]), p == Point(1), p != Point(1, 1), asdict(p), replace(p, y=5))
print(sorted([Version(1, 2), Version(1, 0), Version(0, 9)]), Version(1) < Version(1, 1), hash(Version(1)) == hash(Version(1)))
try:
    Version(1).major = 2
except AttributeError as e:
    print("frozen", type(e).__name__)
class Plain:
    a: int = 1
    b: str
print(Plain.__annotations__, Plain.a)
x: float = 2.5
print(__annotations__ if False else x)
@contextmanager
def tag(name):
    print("<" + name + ">")
    try:
        yield name.upper()
    finally:
        print("</" + name + ">")
with tag("b") as t:
    print("inside", t)
try:
    with tag("i"):
        raise ValueError("oops")
except ValueError as e:
    print("propagated", e)
with suppress(KeyError):
    {}["x"]
print("suppressed")
