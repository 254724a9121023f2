class T(tuple):
    pass
try:
    T(1)
except TypeError as e:
    print('TypeError', e)

class I(int):
    pass
try:
    I('x')
except ValueError as e:
    print('ValueError', e)
try:
    I(1) + 'a'
except TypeError as e:
    print('TypeError', e)

class S(str):
    pass
try:
    S('a') + 1
except TypeError as e:
    print('TypeError', e)
try:
    S('a')[5]
except IndexError as e:
    print('IndexError', e)
try:
    T((1,))[3]
except IndexError as e:
    print('IndexError', e)
try:
    S('a').missing
except AttributeError as e:
    print('AttributeError', e)

class F(float):
    pass
try:
    F('nope')
except ValueError as e:
    print('ValueError', e)
try:
    class B(bool):
        pass
except TypeError as e:
    print('TypeError', e)
try:
    T((1, 2))[0] = 5
except TypeError as e:
    print('TypeError', e)
print(T(), I(), S(), F(), T([]) == (), repr(S()), I() == 0)
