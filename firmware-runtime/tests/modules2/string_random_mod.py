import string, random
print(string.ascii_lowercase, string.digits, string.ascii_uppercase[:5], string.punctuation[:5])
random.seed(42)
a = [random.randrange(100) for _ in range(5)]
random.seed(42)
b = [random.randrange(100) for _ in range(5)]
print(a == b, all(0 <= x < 100 for x in a))
random.seed(1)
l = list(range(10))
random.shuffle(l)
print(sorted(l) == list(range(10)), random.choice("abc") in "abc", 0 <= random.random() < 1)
