x = 1 + \
    2
print(x)
y = (1 +
     2 +
     3)
print(y)
z = [
    1,
    2,
]
print(z)
s = ("abc"
     "def")
print(s)
def f(a,
      b):
    return a * b
print(f(2,
        3))
