class Node:
    def __init__(self, v):
        self.v = v
        self.children = []
    def __repr__(self):
        return "Node(%r, %r)" % (self.v, self.children)
root = Node(1)
root.children.append(Node(2))
root.children[0].children.append(Node(3))
print(root)
l = [1]
l.append(l)
print(l)
d = {"a": 1}
d["self"] = d
print(d)
