import gc
class N:
    def __init__(self): self.other = None
for i in range(5000):
    a = N(); b = N()
    a.other = b; b.other = a
gc.collect()
l = []
l.append(l)
print(l, len(l))
d = {}
d["self"] = d
print(d)
print("done")
