# class keywords reach the parent's __init_subclass__ (PEP 487)
class Plugin:
    registry = {}
    def __init_subclass__(cls, key=None, **kw):
        super().__init_subclass__(**kw)
        Plugin.registry[key] = cls.__name__
class Csv(Plugin, key="csv"):
    pass
class Json(Plugin, key="json"):
    pass
class Anon(Plugin):
    pass
print(sorted(Plugin.registry.items(), key=lambda kv: str(kv[0])))
try:
    class Bad(key="x"):
        pass
except TypeError as e:
    print("TypeError", e)
class Meta(type):
    def __new__(mcls, name, bases, ns, flag=False):
        cls = super().__new__(mcls, name, bases, ns)
        cls.flag = flag
        return cls
class WithFlag(metaclass=Meta, flag=True):
    pass
print(WithFlag.flag)
