# str/list/tuple + an object with __radd__: the builtin returns NotImplemented first
class Tag:
    def __radd__(self, other):
        return ("radd", other)
    def __rmul__(self, other):
        return ("rmul", other)
print("s" + Tag(), [1] + Tag(), (1,) + Tag(), 5 + Tag(), 2 * Tag())
class Plain:
    pass
for left in ("s", [1], (1,)):
    try:
        left + Plain()
    except TypeError as e:
        print("TypeError", e)
class Idx:
    def __index__(self):
        return 1
print("abc"[Idx()], [5, 6, 7][Idx()], (8, 9)[Idx()], "abcd"[Idx():], range(5)[Idx()])
