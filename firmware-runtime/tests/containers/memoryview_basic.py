mv = memoryview(b'abcdef')
print(mv[1:3].tobytes(), len(mv), mv[0], bytes(mv[::2]), mv[-1], mv.readonly, list(mv[4:]), mv.tolist()[:2])
print(mv == b'abcdef', mv[2:4] == b'cd', mv != b'x', b''.join([mv[:2], b'-', mv[4:]]), mv.hex(), mv.nbytes)
ba = bytearray(b'hello world')
v = memoryview(ba)
v[0] = 72
v[6:11] = b'WORLD'
print(ba, v.readonly, v.obj is ba, bytes(v[6:]))
w = v[6:]
w[0:1] = b'w'
print(ba, len(w), w.tobytes())
try:
    mv[0] = 1
except TypeError as e:
    print('TypeError', e)
try:
    v[0:2] = b'xyz'
except ValueError as e:
    print('ValueError', e)
try:
    memoryview('str')
except TypeError as e:
    print('TypeError', e)
with memoryview(b'q') as m:
    print(m[0])
buf = bytearray(8)
mvb = memoryview(buf)
n = 0
for chunk in (b'ab', b'cde', b'f'):
    mvb[n:n + len(chunk)] = chunk
    n += len(chunk)
print(buf[:n], bytes(mvb[:n]), [x for x in memoryview(b'xy')], bytearray(memoryview(b'zz')), memoryview(memoryview(b'12'))[1])
print(isinstance(mv, memoryview), type(mv).__name__, str(b'ab' + mv[2:4]) if False else (b'ab' + bytes(mv[2:4])))
print(b'ab' + memoryview(b'cd'), bytearray(b'x') + memoryview(b'y'))
