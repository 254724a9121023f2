name = "world"
n = 42
pi = 3.14159
print(f"hello {name}!", f"{n:5d}|", f"{pi:.2f}", f"{n!r}", f"{name!r:>10}")
print(f"{n + 1} {n * 2 = }" if False else f"{n + 1}")
print(f"{'nested ' + name}", f"{[i for i in range(3)]}", f"{ {'a': 1}['a'] }")
w = 7
print(f"{pi:{w}.3f}|", f"{'x':{'>'}{w}}|")
print(f"{{braces}}", f"{n:#x}", f"{n:b}", f"{-n:+}")
d = {"key": "value"}
print(f"{d['key']}", f"{len(d)}")
print(f"multi {n}" f" parts {name}")
print(f"{3.0:g} {1e20:g} {0.000012:g}")
print(f"{n=}" if False else "eq")
