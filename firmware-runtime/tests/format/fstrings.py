name = "World"; n = 42; f = 3.14159
print(f"Hello {name}!", f"{n:5d}|", f"{f:.2f}", f"{n!r}", f"{name!r:>10}")
print(f"{n * 2} {n // 5} {[1, 2][0]} {'quoted'} {{braces}}")
print(f"{name=}", f"{n = }", f"{f=:.1f}")
w = 8
print(f"{n:>{w}}|", f"{'x':^{w}}|", f"{n:0{w}b}")
d = {"k": 1}
print(f"{d['k']}", f'{d["k"]}', f"{len(d)}")
print(f"""multi
{n}""", f"a{n}b{n}c", F"{n:#x}", rf"\{n}")
x = 10
print(f"{x if x > 5 else 0}", f"{(lambda: 5)()}", f"{x:,}", f"{1000000:_}")
