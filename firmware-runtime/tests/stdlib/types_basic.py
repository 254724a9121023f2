import types, sys
ns = types.SimpleNamespace(a=1, b="x")
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b="x"), ns == types.SimpleNamespace(a=1), ns != 3)
ns.c = [ns]; print(ns)
del ns.c; ns.z = None; print(ns, vars(ns))
print(types.SimpleNamespace(**{'q': 1}, r=2))
class Sub(types.SimpleNamespace): pass
print(Sub(x=1))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType))
print(isinstance((x for x in ()), types.GeneratorType), isinstance(None, types.NoneType), isinstance(lambda: 0, types.LambdaType))
class A:
    def m(self): return 1
print(isinstance(A().m, types.MethodType), isinstance(A.m, types.FunctionType))
async def c(): pass
co = c(); print(isinstance(co, types.CoroutineType)); co.close()
print(types.FunctionType.__name__, types.GeneratorType.__name__, types.ModuleType.__name__, types.NoneType.__name__)
try: hash(ns)
except TypeError as e: print(e)
X = types.new_class("X", (A,), exec_body=lambda d: d.update(k=5))
print(X.k, X().m(), X.__name__)
mp = types.MappingProxyType({"a": 1, "b": 2})
print(mp, repr(mp), mp["a"], len(mp), list(mp), "a" in mp, mp.get("z", 0), sorted(mp.items()), mp == {"a": 1, "b": 2})
try:
    del mp["a"]
except TypeError as e:
    print("TypeError", e)
try:
    mp["c"] = 3
except TypeError as e:
    print("TypeError", e)
try:
    types.MappingProxyType([1])
except TypeError as e:
    print("TypeError", e)
try:
    types.SimpleNamespace({"a": 1})
except TypeError as e:
    print("TypeError", e)
ns2 = types.SimpleNamespace(x=1)
ns2.x += 1
ns2.y = ns2.x * 10
print(ns2, getattr(ns2, "z", "missing"), hasattr(ns2, "y"))
try:
    ns2.nope
except AttributeError as e:
    print("AttributeError")
print(isinstance(print, types.BuiltinFunctionType), isinstance(len, types.BuiltinMethodType), types.NoneType is type(None))
