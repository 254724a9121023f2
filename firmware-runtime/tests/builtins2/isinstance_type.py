print(isinstance(1, int), isinstance(True, int), isinstance(1, (str, float)), isinstance("a", (int, str)))
print(issubclass(bool, int), issubclass(int, object), issubclass(KeyError, LookupError))
print(type(1) is int, type("a").__name__, type([]) == list, type(None).__name__)
class A: pass
class B(A): pass
print(isinstance(B(), A), issubclass(B, (int, A)), type(B()).__name__)
print(type(type), type(int), isinstance(int, type))
print(callable(len), callable(1), callable(A), callable(lambda: 0))
try:
    isinstance(1, 2)
except TypeError as e:
    print("TypeError")
