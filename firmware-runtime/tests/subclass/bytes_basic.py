class Blob(bytes):
    def hexed(self):
        return self.hex()

b = Blob(b'\x01\x02ab')
print(b, repr(b), len(b), b[0], b[1:], b.hexed(), list(b))
print(type(b) is Blob, isinstance(b, bytes), type(b + b'z').__name__, b + b'z', b * 2)
print(b == b'\x01\x02ab', b'\x01\x02ab' == b, hash(b) == hash(b'\x01\x02ab'), b'a' in b, 97 in b)
print(b.decode('latin-1'), bytes(b), bytearray(b), b.upper(), b.split(b'a'))
print(Blob(3), Blob([65, 66]), Blob('hi', 'ascii'), Blob())
b.meta = 1
print(b.meta, int.from_bytes(b, 'big'), memoryview(b)[0] if 'memoryview' in dir(__builtins__) else 1)
