class Node:
    def __init__(self, val, nxt=None):
        self.val = val
        self.next = nxt
def build(n):
    head = None
    for i in range(n):
        head = Node(i, head)
    return head
def walk(h):
    out = []
    while h:
        out.append(h.val)
        h = h.next
    return out
print(walk(build(10)))
class Stack:
    def __init__(self): self.items = []
    def push(self, x): self.items.append(x)
    def pop(self): return self.items.pop()
    def __len__(self): return len(self.items)
s = Stack()
for i in range(5): s.push(i * i)
print(s.pop(), s.pop(), len(s))
