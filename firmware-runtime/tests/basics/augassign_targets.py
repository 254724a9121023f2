l = [1, 2, 3]
l[0] += 10
l[-1] *= 2
print(l)
d = {"a": 1}
d["a"] -= 5
d.setdefault("b", [])
d["b"] += [1]
print(d)
class O:
    x = 1
o = O()
o.x += 1
o.x **= 3
print(o.x, O.x)
s = "ab"
s += "cd"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
n = 10
n //= 3; n <<= 2; n %= 5; n |= 8; n ^= 1; n &= 0xe
print(n)
f = 2.0
f /= 4; f -= 0.25; f **= 2
print(f)
