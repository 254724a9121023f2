print(b'%s-%d' % (b'x', 3), b'%b|%5s|%-4b|' % (b'ab', b'c', bytearray(b'd')), b'%r %a' % ('é', b'q'), b'%c%c' % (65, b'B'))
print('%a %r' % ('é', 'é'), b'%x %o %05.1f %%' % (255, 8, 2.25), b'\xff%s' % (b'\xfe',))
try:
    b'%s' % 'str'
except TypeError as e:
    print('TypeError', e)
class Bb:
    def __bytes__(self): return b'BB'
print(b'<%s>' % Bb(), (7).as_integer_ratio(), (-3).as_integer_ratio(), True.as_integer_ratio())
try:
    '%b' % b'x'
except ValueError as e:
    print('ValueError', e)
