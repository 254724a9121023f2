words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words))
print(sorted(words, key=str.lower))
print(sorted(words, key=len, reverse=True))
print(sorted(words, key=lambda w: (len(w), w)))
recs = [("bob", 3), ("al", 1), ("cy", 3), ("di", 2)]
print(sorted(recs, key=lambda r: r[1]))
print(sorted(recs, key=lambda r: -r[1]))
l = [5, 2, 8, 1]
l.sort(reverse=True)
print(l)
print(sorted("hello"), sorted({3: 1, 1: 2}), sorted((3, 1, 2)))
print(sorted([1.5, -2, 3, 0]))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
s = [(1, "b"), (1, "a"), (0, "c")]
s.sort(key=lambda t: t[0])
print(s)
