class P:
    def __init__(self, x):
        self.x = x
    def __repr__(self):
        return "P(%r)" % self.x
class Q(P):
    def __str__(self):
        return "Q is " + str(self.x)
p, q = P("a"), Q(2)
print(p, str(p), repr(p), [p], q, repr(q), [q], f"{q}", f"{q!r}", "%s %r" % (q, q))
class Plain:
    pass
r = repr(Plain())
print(r.startswith("<__main__.Plain object at"), str(Plain()) == repr(Plain()) or True)
