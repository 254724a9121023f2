a, b, c = 1, 2, 3
print(a < b < c, a < c < b, a == 1 == 1, 1 < 2 > 1, 1 <= 1 < 2 != 3)
print(a is a, a is not b, None is None, [] == [], [] is [])
print(1 in [1, 2], 3 not in [1, 2], 'a' in 'abc', 'x' not in 'abc')
def f(x):
    print("eval", x)
    return x
print(f(1) < f(2) < f(0) < f(5))
print((1, 2) < (1, 3), [1, 2] < [1, 2, 0], "abc" < "abd", "Z" < "a")
