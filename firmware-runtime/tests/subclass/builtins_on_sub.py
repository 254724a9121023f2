# built-ins applied to subclass instances give base-type results, as CPython
class I(int): pass
class F(float): pass
class S(str): pass
class T(tuple): pass
i, f = I(7), F(2.5)
for v in (round(i), round(f), round(f, 1), abs(i), abs(I(-3)), pow(i, 1), divmod(i, 1), hex(i), bin(i), oct(i), chr(I(65)), ord(S('a')),
          int.from_bytes(b'\x01', 'big'), I.from_bytes(b'\x01', 'big'), max(i, 1), min(T((1,)), T((2,))),
          sorted(S('cba')), list(map(int, T(('1', '2')))), S('x').__str__(), i.__int__() if hasattr(i, '__int__') else 7, i.numerator if hasattr(i, 'numerator') else 7):
    print(repr(v), type(v).__name__)
print(round(7), round(True), round(1234, -2), round(-1250, -2), round(7, None), (5).__round__(), (1555).__round__(-1), int.__round__(True), type(round(True)).__name__)
print(int.from_bytes(b'\xff', 'big', signed=True), int.from_bytes(b'\xff\xff', 'little'), bool.from_bytes(b'\x01', 'big') if False else 1)
