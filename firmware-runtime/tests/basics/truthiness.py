vals = [0, 1, -1, 0.0, 0.5, "", "a", [], [0], (), (0,), {}, {0: 0}, set(), None, True, False, range(0), range(1), b"", b"x"]
print([bool(v) for v in vals])
class T:
    def __bool__(self): return False
class L:
    def __len__(self): return 0
print(bool(T()), bool(L()), not T())
