# private name mangling inside classes
class Account:
    __rate = 2
    def __init__(self, v):
        self.__balance = v
    def __grow(self):
        return self.__balance * self.__rate
    def value(self):
        return self.__grow()
a = Account(5)
print(a.value(), sorted(vars(a)), hasattr(a, "__balance"), a._Account__balance)
print("_Account__rate" in Account.__dict__, "_Account__grow" in Account.__dict__)
class Child(Account):
    def __init__(self):
        super().__init__(1)
        self.__balance = "child's own"
print(sorted(vars(Child())), Child().value())
class _Under:
    def __init__(self):
        self.__x = 1
print(sorted(vars(_Under())))
class Dunder:
    def __init__(self):
        self.__ok__ = 1
print(sorted(vars(Dunder())))
__glob = "module private"
class UsesGlobal:
    def get(self):
        try:
            return __glob
        except NameError as e:
            return "NameError"
print(UsesGlobal().get())
def outside(o):
    return getattr(o, "_Account__balance")
print(outside(a))
