# The collector must keep everything reachable: a chain of references deeper than its mark
# stack, a list with tens of thousands of children, objects it marks without scanning (str,
# bytes, float, big int) and subclass instances of those, which do hold pointers (their dict).
import gc


class Node:
    def __init__(self, value, nxt):
        self.value = value
        self.next = nxt


head = None
for i in range(3000):
    head = Node(i, head)
nested = []
for i in range(2000):
    nested = [nested, i]


class Tag(str):
    pass


wide = []
for i in range(3000):
    wide.append(str(i))
    wide.append(float(i) / 4)
    wide.append(b'%d' % i)
    wide.append(2 ** 70 + i)
tags = []
for i in range(500):
    t = Tag('t%d' % i)
    t.payload = [i, str(i) * 3]
    tags.append(t)

for round in range(3):
    junk = [[j] * 10 for j in range(2000)]  # garbage between collections
    junk = None
    gc.collect()

total, n, node = 0, 0, head
while node is not None:
    total += node.value
    n += 1
    node = node.next
print(n, total)

depth, x = 0, nested
while x:
    depth += 1
    x = x[0]
print(depth)

s = 0
for i in range(0, len(wide), 4):
    k = i // 4
    assert wide[i] == str(k) and wide[i + 1] == k / 4 and wide[i + 2] == b'%d' % k
    assert wide[i + 3] == 2 ** 70 + k
    s += len(wide[i])
print(len(wide), s)
print(sum(t.payload[0] for t in tags), tags[-1], tags[-1].payload[1])
