from enum import Enum, IntEnum
from dataclasses import dataclass, field
class Color(Enum):
    RED = 1
    GREEN = 2
print(Color.RED, Color(2), Color["GREEN"].value, [c.name for c in Color], Color.RED == Color.RED)
class Level(IntEnum):
    LOW = 1
    HIGH = 3
print(Level.HIGH > Level.LOW, Level.LOW + 1, int(Level.HIGH))
@dataclass
class Item:
    name: str
    qty: int = 0
    tags: list = field(default_factory=list)
i = Item("bolt", 3)
print(i, i == Item("bolt", 3), Item("nut").tags)
