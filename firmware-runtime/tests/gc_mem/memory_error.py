try:
    s = "x" * (10 ** 13)
    print("allocated?", len(s))
except MemoryError:
    print("big string MemoryError")
try:
    l = [0] * (10 ** 13)
except MemoryError:
    print("big list MemoryError")
print("still running", sum(range(100)))
