l = list(range(10))
print(l[2:5], l[:3], l[7:], l[-3:], l[:-7], l[::2], l[::-1], l[8:2:-2])
print(l[100:], l[-100:2], l[5:2])
l2 = l[:]
l2[2:5] = ["a", "b"]
print(l2)
l2[::3] = [0] * len(l2[::3])
print(l2)
del l2[1:3]
print(l2)
del l2[::2]
print(l2)
try:
    l2[::2] = [1, 2, 3, 4, 5, 6]
except ValueError as e:
    print("ValueError", e)
t = tuple(range(6))
print(t[1:4], t[::-1])
s = "abcdefgh"
print(s[1:-1], s[::3], s[::-2], s[-1], s[2:2])
print(l[slice(1, 4)], slice(1, 4, 2))
print(l[-1], l[-10])
try:
    l[10]
except IndexError as e:
    print("IndexError", e)
