class Doubled(int):
    def __new__(cls, x):
        return super().__new__(cls, x * 2)

class Upper(str):
    def __new__(cls, s):
        obj = str.__new__(cls, s.upper())
        obj.original = s
        return obj

class Pair(tuple):
    def __new__(cls, a, b=0):
        return tuple.__new__(cls, (a, b))
    def __init__(self, a, b=0):
        self.total = a + b

class Celsius(float):
    def __new__(cls, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        return float.__new__(cls, v)

d = Doubled(21)
print(d, type(d).__name__, d + 0, isinstance(d, Doubled))
u = Upper('hello')
print(u, u.original, type(u).__name__, u.lower(), type(u.lower()).__name__)
p = Pair(3)
print(p, p.total, Pair(1, 2).total, type(p).__name__, len(p))
print(Celsius(20.5), type(Celsius(1)).__name__)
try:
    Celsius(-300)
except ValueError as e:
    print('ValueError', e)

class NotNew(int):
    def __new__(cls, x):
        return 'not an instance'
    def __init__(self, x):
        print('never called')
print(NotNew(5))

class Init(str):
    def __init__(self, s):
        self.length = len(s)
i = Init('abc')
print(i, i.length)
