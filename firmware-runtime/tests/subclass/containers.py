class K(str):
    pass
class N(int):
    pass
class Tp(tuple):
    pass
class Fl(float):
    pass

s = {K('a'), 'a', N(1), 1, True, Tp((1, 2)), (1, 2), Fl(1.0), 2.5}
print(sorted(map(repr, s)), len(s))
d = {}
d[K('k')] = 1
d['k'] += 1
d[N(5)] = 'five'
d[Tp(('x',))] = 'tx'
print(d['k'], d[5], d[('x',)], list(d)[0] == 'k', type(list(d)[0]).__name__)
print(sorted([N(3), 1, N(2), 2.5, Fl(0.5)]), min(K('b'), 'a'), max(Tp((1,)), (0, 9)))
print(K('x') in ['x'], N(2) in (1, 2), 'b' in K('abc'), Tp((1, 2)) in {(1, 2): 0})
print(list(reversed(Tp((1, 2, 3)))), list(enumerate(K('ab'))), dict(zip(Tp(('a', 'b')), N(2).to_bytes(2, 'little'))))
print(sum(Tp((1, 2, 3))), ''.join(Tp(('a', 'b'))), ''.join([K('x'), K('y')]), ','.join(K('abc')))
print(Tp((3, 1, 2)).index(2), sorted(Tp((3, 1, 2))), Tp((1, 2)) + Tp((3,)), (0,) + Tp((1,)))
print(str(Tp((K('a'),))), [N(7)], {K('a'): N(1)}, (Fl(1.5),))
