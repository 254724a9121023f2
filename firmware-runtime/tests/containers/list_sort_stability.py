pairs = [(1, "b"), (0, "a"), (1, "a"), (0, "b"), (2, "c"), (1, "c")]
print(sorted(pairs, key=lambda p: p[0]))
print(sorted(pairs, key=lambda p: p[1], reverse=True))
data = list(range(20, 0, -1))
data.sort(key=lambda x: x % 5)
print(data)
words = ["Banana", "apple", "Cherry", "date"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError", e)
big = [(i * 7919) % 1000 for i in range(1000)]
print(sorted(big)[:10], sorted(big)[-3:], sorted(big) == sorted(sorted(big)))
