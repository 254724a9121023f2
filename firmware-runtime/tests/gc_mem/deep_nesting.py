l = []
for i in range(100000):
    l = [l]
try:
    print(len(repr(l)))
except RecursionError:
    print("RecursionError")
a = []; b = []
for i in range(100000):
    a = [a]; b = [b]
try:
    print(a == b)
except RecursionError:
    print("RecursionError")
print("alive")
