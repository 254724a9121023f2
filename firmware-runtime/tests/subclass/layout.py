for bases in [(int, str), (str, tuple), (tuple, list), (float, int), (bytes, str), (int, Exception), (dict, str)]:
    try:
        type('X', bases, {})
        print('created', [b.__name__ for b in bases])
    except TypeError as e:
        print('TypeError', [b.__name__ for b in bases], e)

class A(int):
    pass
class B(A):
    pass
class C(B):
    pass
print(C(5) + 1, C.__mro__ == (C, B, A, int, object), isinstance(C(1), A), type(C(2) * 2).__name__)

class E(ValueError, KeyError):
    pass
print(issubclass(E, LookupError), E('x').args)

class M:
    pass
class Mixed(M, float):
    def twice(self):
        return self * 2
print(Mixed(1.25).twice(), isinstance(Mixed(0.5), M), Mixed.__mro__ == (Mixed, M, float, object))
