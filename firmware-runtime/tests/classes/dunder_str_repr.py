class R:
    def __repr__(self): return "R()"
class S:
    def __str__(self): return "S-str"
class Both:
    def __repr__(self): return "B-repr"
    def __str__(self): return "B-str"
for o in [R(), S(), Both()]:
    print(str(o), f"{o}", [o] if not isinstance(o, S) else "skip", "%s" % o)
print(repr(Both()), "{!r}".format(Both()), f"{Both()!r}")
class Plain: pass
print(str(Plain()).startswith("<__main__.Plain object at "))
