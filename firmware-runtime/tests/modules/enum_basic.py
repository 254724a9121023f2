from enum import Enum, IntEnum, auto
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    def describe(self):
        return self.name.lower() + "!"
print(Color.RED, repr(Color.GREEN), Color(3), Color["RED"], Color.RED.name, Color.RED.value)
print(list(Color), len(Color), Color.RED in Color, Color.RED == Color.RED, Color.RED != Color.BLUE)
print(Color.BLUE.describe(), isinstance(Color.RED, Color), type(Color.RED).__name__, f"{Color.GREEN}")
print({Color.RED: "r"}[Color.RED], [c.value for c in Color])
try:
    Color(9)
except ValueError as e:
    print("ValueError", e)
class Prio(IntEnum):
    LOW = 1
    HIGH = 5
print(Prio.LOW < Prio.HIGH, Prio.HIGH == 5, Prio.LOW + 1, sorted([Prio.HIGH, Prio.LOW]), int(Prio.HIGH))
class Auto(Enum):
    A = auto()
    B = auto()
print(Auto.A.value, Auto.B.value, [m.name for m in Auto])
