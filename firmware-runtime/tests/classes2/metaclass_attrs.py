class Meta(type):
    registry = []
    def hello(cls):
        return 'hello from ' + cls.__name__
    @property
    def upper_name(cls):
        return cls.__name__.upper()
    @classmethod
    def make(mcs):
        return mcs.__name__
    @staticmethod
    def st():
        return 'static'
class A(metaclass=Meta):
    pass
print(A.hello(), A.upper_name, A.make(), A.st(), A.registry, A.__class__.__name__, type(A).__name__)
class B:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(B[int], B['x'])
class C(A):
    def __class_getitem__(cls, item):
        return cls.__name__ + str(item)
print(C[1], C.hello())
try:
    A.nothing
except AttributeError as e:
    print('AttributeError', e)
print(int.__class__.__name__, type(int).__name__)
