d = {}
for k in ["z", "a", "m", "b"]:
    d[k] = len(d)
print(d)
del d["a"]
d["a"] = 99
print(list(d))
d2 = {i: i * i for i in range(6)}
for k in list(d2):
    if k % 2:
        del d2[k]
print(d2)
big = {}
for i in range(1000):
    big[i] = str(i)
print(len(big), big[500], sum(big.keys()))
for i in range(0, 1000, 2):
    del big[i]
print(len(big), list(big)[:5])
