import gc
def churn(n):
    total = 0
    for i in range(n):
        l = [str(j) for j in range(50)]
        d = {k: k * 2 for k in range(20)}
        total += len(l) + len(d)
    return total
print(churn(2000))
gc.collect()
big = []
for i in range(20000):
    big.append((i, str(i), [i]))
print(len(big), big[-1])
del big
gc.collect()
print("ok")
