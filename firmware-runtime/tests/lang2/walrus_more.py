data = [1, 5, 3, 8, 2]
if (n := len(data)) > 3:
    print("long", n)
print([y for x in data if (y := x * 2) > 5])
i = 0
while (i := i + 1) < 4:
    print("i", i)
print((a := 10) + a)
def f():
    return [last := v for v in range(3)], last
print(f())
