class Describe:
    def describe(self):
        return '%s(%r)' % (type(self).__name__, self)

class Tag(Describe, str):
    pass

class Num(Describe, int):
    pass

class Row(tuple, Describe):
    pass

t = Tag('x')
print(t.describe(), t + 'y', isinstance(t, str), isinstance(t, Describe), Tag.__mro__ == (Tag, Describe, str, object))
n = Num(4)
print(n.describe(), n * 2, Num.__mro__ == (Num, Describe, int, object))
r = Row([1, 2])
print(r.describe(), r[1], len(r), Row.__bases__ == (tuple, Describe))

class Base(int):
    def kind(self):
        return 'base'
class Derived(Base):
    def kind(self):
        return 'derived+' + super().kind()
dd = Derived(7)
print(dd, dd.kind(), isinstance(dd, Base), isinstance(dd, int), issubclass(Derived, int), dd + Derived(1))
dd.extra = [1]
print(dd.extra, vars(dd))
