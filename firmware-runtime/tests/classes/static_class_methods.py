class M:
    count = 0
    def __init__(self):
        M.count += 1
    @staticmethod
    def s(x):
        return x * 2
    @classmethod
    def c(cls, y):
        return cls.__name__, y
    @classmethod
    def make(cls):
        return cls()
class N(M):
    pass
print(M.s(2), M().s(3), M.c(1), N.c(2), N().c(3), type(N.make()).__name__, M.count)
