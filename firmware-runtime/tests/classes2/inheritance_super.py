class Base:
    def __init__(self, name):
        self.name = name
    def hello(self):
        return "Base hello " + self.name
    def who(self):
        return "base"
class Mid(Base):
    def __init__(self, name, extra):
        super().__init__(name)
        self.extra = extra
    def hello(self):
        return "Mid+" + super().hello()
class Leaf(Mid):
    def hello(self):
        return "Leaf+" + super(Leaf, self).hello()
    def who(self):
        return "leaf/" + super().who()
l = Leaf("x", 1)
print(l.hello(), l.who(), l.extra, isinstance(l, Base))
print([c.__name__ for c in Leaf.__mro__])
