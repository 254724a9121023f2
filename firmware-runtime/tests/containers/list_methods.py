l = [3, 1, 2]
l.append(4); print(l)
l.extend([5, 6]); print(l)
l.insert(0, 0); print(l)
l.insert(-1, 99); print(l)
print(l.pop(), l.pop(0), l)
l.remove(99); print(l)
print(l.index(2), l.count(1), len(l))
l.sort(); print(l)
l.sort(reverse=True); print(l)
l.reverse(); print(l)
c = l.copy(); c.append(7); print(l, c)
l.clear(); print(l)
words = ["banana", "pie", "a", "cherry"]
words.sort(key=len); print(words)
try:
    [].pop()
except IndexError as e:
    print("IndexError", e)
try:
    [1].remove(2)
except ValueError as e:
    print("ValueError", e)
