class Color(int):
    names = {}
    def __new__(cls, value, name):
        obj = int.__new__(cls, value)
        obj.label = name
        cls.names[value] = obj
        return obj
    def __repr__(self):
        return '<Color.%s: %d>' % (self.label, self)
    __str__ = __repr__

RED = Color(1, 'RED')
GREEN = Color(2, 'GREEN')
print(RED, repr(GREEN), RED == 1, RED < GREEN, RED | GREEN, Color.names[2] is GREEN)
print([c.label for c in sorted(Color.names.values(), reverse=True)], RED + 0, f'{GREEN:d}', '%d' % RED)

class Status(int):
    OK = 0
    def __bool__(self):
        return int(self) == 0
print(bool(Status(0)), bool(Status(3)), 'yes' if Status(0) else 'no')

class Mode(str):
    def __new__(cls, s):
        if s not in ('r', 'w'):
            raise ValueError('bad mode %r' % s)
        return super().__new__(cls, s)
print(Mode('r'), Mode('w') == 'w')
try:
    Mode('x')
except ValueError as e:
    print(e)
