import random
random.seed(42)
print([random.randint(1, 100) for _ in range(5)], random.random(), random.choice("abcdef"))
l = list(range(10)); random.shuffle(l); print(l)
print(random.sample(range(100), 5), round(random.uniform(1, 2), 10), random.randrange(0, 100, 5), random.getrandbits(40))
random.seed(12345678901234567890)
print(random.random(), random.randint(-5, 5))
r = random.Random(7)
print(r.randint(0, 10**12), r.choices("xyz", k=3) if False else r.random())
from operator import itemgetter, attrgetter, add
import string
print(sorted([(1, "b"), (0, "c")], key=itemgetter(1)), itemgetter(0, 1)("ab"), add(2, 3), string.ascii_lowercase[:5], string.digits)
