from abc import ABC, ABCMeta, abstractmethod
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    @abstractmethod
    def name(self): ...
    def describe(self): return "%s %s" % (self.name(), self.area())
for c in (Shape,):
    try: c()
    except TypeError as e: print(e)
class Half(Shape):
    def area(self): return 1
try: Half()
except TypeError as e: print(e)
class Sq(Half):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
    def name(self): return "sq"
print(Sq(3).describe(), sorted(Shape.__abstractmethods__), Sq.__abstractmethods__)
print(isinstance(Sq(2), Shape), isinstance(1, Shape))
class Reg(ABC): pass
Reg.register(int)
print(isinstance(3, Reg), isinstance("x", Reg), type(Reg()).__name__)
class P(metaclass=ABCMeta):
    @property
    @abstractmethod
    def v(self): ...
    @classmethod
    @abstractmethod
    def make(cls): ...
try: P()
except TypeError as e: print(e)
class PI(P):
    v = 3
    @classmethod
    def make(cls): return cls()
print(PI.make().v, type(PI).__name__)
class N(ABC):
    def __new__(cls, x):
        o = super().__new__(cls); o.x = x * 2; return o
    @abstractmethod
    def f(self): pass
try: N(1)
except TypeError as e: print(e)
class NI(N):
    def f(self): return self.x
print(NI(4).f())
# abstract names inherited through several levels, overridden by plain attributes
class Base(ABC):
    @abstractmethod
    def a(self): ...
    @abstractmethod
    def b(self): ...
    @abstractmethod
    def c(self): ...
class Mid(Base):
    def b(self): return "b"
class Leaf(Mid):
    a = staticmethod(lambda: "a")
    def c(self): return "c"
for cls in (Base, Mid, Leaf):
    try:
        o = cls()
        print(cls.__name__, "ok", o.a(), o.b(), o.c())
    except TypeError as e:
        print(e)
print(sorted(Mid.__abstractmethods__), Leaf.__abstractmethods__ == frozenset())
# __init__ arguments pass through; super().__init__ works
class Animal(ABC):
    def __init__(self, name):
        self.name = name
    @abstractmethod
    def sound(self): ...
    def speak(self):
        return "%s says %s" % (self.name, self.sound())
class Dog(Animal):
    def __init__(self, name, breed):
        super().__init__(name)
        self.breed = breed
    def sound(self):
        return "woof"
d = Dog("Rex", "lab")
print(d.speak(), d.breed, isinstance(d, Animal), issubclass(Dog, Animal), issubclass(Dog, ABC))
try:
    Animal("generic")
except TypeError as e:
    print(e)
# abstract method with an implementation reachable through super()
class Fmt(ABC):
    @abstractmethod
    def render(self):
        return "<base>"
class Html(Fmt):
    def render(self):
        return "<b>" + super().render() + "</b>"
print(Html().render(), getattr(Fmt.render, "__isabstractmethod__", False), hasattr(Html.render, "__isabstractmethod__"))
# a class that is not abstract at all
class Plain(ABC):
    def hello(self):
        return "hi"
print(Plain().hello(), Plain.__abstractmethods__)
from abc import abstractclassmethod, abstractstaticmethod, abstractproperty
class Old(ABC):
    @abstractproperty
    def p(self): ...
    @abstractclassmethod
    def c(cls): ...
    @abstractstaticmethod
    def s(): ...
try:
    Old()
except TypeError as e:
    print(e)
