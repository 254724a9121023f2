class MyList(list):
    def total(self):
        return sum(self)
m = MyList([1, 2, 3])
m.append(4)
print(m, len(m), m.total(), isinstance(m, list), m[1:3])
class DefaultD(dict):
    def __missing__(self, k):
        return k * 2
d = DefaultD(a=1)
print(d["a"], d["zz"], len(d))
class MyErr(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
try:
    raise MyErr(42, "bad thing")
except MyErr as e:
    print(e.code, e, e.args, repr(e))
