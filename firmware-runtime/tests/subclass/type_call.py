T = type('T', (tuple,), {'first': lambda self: self[0]})
t = T([5, 6])
print(t, t.first(), isinstance(t, tuple), T.__bases__ == (tuple,), T.__mro__ == (T, tuple, object))
S = type('S', (str,), {'__repr__': lambda self: 'S<' + str(self) + '>'})
print(repr(S('q')), S('q') + 'r', [S('z')])
I = type('I', (int,), {})
print(I(4) + 1, I(4), type(I(4)) is I, int.__new__(I, 9), type(int.__new__(I, 9)).__name__)
print(str.__new__(S, 'x'), tuple.__new__(T, 'ab'), float.__new__(type('F', (float,), {}), '2.5'))
print(issubclass(T, tuple), issubclass(S, str), issubclass(I, int), issubclass(I, str), type(I(1)).__mro__[1].__name__)
class Meta(int):
    pass
print(Meta.__base__ is int if hasattr(Meta, '__base__') else True, Meta.__name__, Meta.__qualname__)
