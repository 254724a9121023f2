def section(n): print("==", n)
section("traceback-free exception info")
import sys
try:
    raise ValueError("v")
except ValueError:
    t, v, tb = sys.exc_info()
    print(t.__name__, v)
print(sys.exc_info()[0])
section("exception variable cleanup in nested")
def f():
    try:
        raise KeyError(1)
    except KeyError as e:
        try:
            raise IndexError(2)
        except IndexError as e2:
            return (type(e).__name__, type(e2).__name__)
print(f())
section("exception args mutate")
e = ValueError(1, 2)
e.args = (3,)
print(e.args, str(e))
section("exception with_traceback")
try:
    raise ValueError("x").with_traceback(None)
except ValueError as e:
    print("ok", e)
section("raise from in except chain display attributes")
try:
    try:
        1/0
    except Exception as inner:
        raise RuntimeError("outer") from inner
except RuntimeError as e:
    print(type(e.__cause__).__name__, e.__cause__ is e.__context__)
section("finally with break inside while")
i = 0
while True:
    try:
        i += 1
        if i == 3:
            break
    finally:
        print("fin", i)
section("generator throw into yield from")
def inner():
    try:
        yield 1
    except ValueError:
        yield "inner handled"
def outer():
    yield from inner()
g = outer(); next(g); print(g.throw(ValueError))
section("generator close with yield from")
def inner2():
    try:
        yield 1
    finally:
        print("inner2 finally")
def outer2():
    try:
        yield from inner2()
    finally:
        print("outer2 finally")
g = outer2(); next(g); g.close()
section("lambda in default args")
fs = {k: (lambda k=k: k * 2) for k in range(3)}
print({k: f() for k, f in fs.items()})
section("closures capture loop var cell")
def mk():
    out = []
    for i in range(3):
        def g(): return i
        out.append(g)
    return [h() for h in out]
print(mk())
section("class attribute closure")
def make_cls(v):
    class C:
        def get(self): return v
    return C
print(make_cls(5)().get())
section("nested try in generator with return")
def gen():
    try:
        yield 1
        return
    finally:
        print("gen fin")
print(list(gen()))
section("iterating dict while deleting copy")
d = {i: i for i in range(5)}
for k in list(d):
    if k % 2: del d[k]
print(d)
section("string % with dict and width")
print("%(n)5d|%(s)-4s|" % {"n": 42, "s": "ab"})
section("sort with key raising")
try:
    sorted([1, 2], key=lambda x: 1 / 0)
except ZeroDivisionError:
    print("ZeroDivisionError from key")
section("int/str conversions errors")
for v in ["12", "1e3", " 7 ", "0x10", "-", "+3"]:
    try:
        print(repr(v), int(v))
    except ValueError as e:
        print(repr(v), "ValueError")
section("float formatting in containers")
print([0.1, 1.0, 1e-7, 123456789.123], (0.5,), {1.5: 2.25})
section("equality of numbers across types")
print(1 == 1.0 == True, 0 == False, hash(1) == hash(True), {1, 1.0, True})
section("unpacking in function call with generator")
def add3(a, b, c): return a + b + c
print(add3(*(x for x in range(3))))
section("keyword-only with defaults after *args")
def kw(*args, sep="-", end="."):
    return sep.join(map(str, args)) + end
print(kw(1, 2, 3), kw(1, sep="+", end="!"))
section("global declared in nested function")
G = 0
def outer_g():
    def inner_g():
        global G
        G += 10
    inner_g()
outer_g(); print(G)
