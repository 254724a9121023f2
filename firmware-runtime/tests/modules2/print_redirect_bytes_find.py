from __future__ import annotations
import sys, io, contextlib
x = "end"
print("a", end="|\n")
y = "sep"; print(1, 2, sep=y)
buf = io.StringIO()
old = sys.stdout
sys.stdout = buf
print('captured', 42)
sys.stdout = old
print(repr(buf.getvalue()))
with contextlib.redirect_stdout(io.StringIO()) as f:
    print('inside')
print('after', repr(f.getvalue()))
b = b'abcabcabc'
print(b.find(b'c', 3), b.find(b'c', 3, 5), b.find(b'a', -3), b.find(b'', 20), b.find(b'', 9), b.count(b'abc', 1), b.count(b'', 2, 4))
print(b.rfind(b'b'), b.rfind(b'b', 0, 4), b.rfind(b'z'), b.rindex(b'c'), bytearray(b'xyx').rfind(b'x'), b.index(b'c', 4))
class Node:
    def link(self, other: Node) -> Node:
        return other
print(Node().link(Node()).__class__.__name__)
