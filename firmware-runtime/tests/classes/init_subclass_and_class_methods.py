class Registry:
    items = []
    def __init_subclass__(cls, **kwargs):
        super().__init_subclass__(**kwargs)
        Registry.items.append(cls.__name__)
class A(Registry): pass
class B(Registry): pass
print(Registry.items)
class Counter:
    instances = 0
    def __new__(cls, *args):
        cls.instances += 1
        return super().__new__(cls)
    def __init__(self, v):
        self.v = v
c1 = Counter(1); c2 = Counter(2)
print(Counter.instances, c1.v, c2.v)
class Singleton:
    _inst = None
    def __new__(cls):
        if cls._inst is None:
            cls._inst = super().__new__(cls)
        return cls._inst
print(Singleton() is Singleton())
