def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return None
print([safe_div(10, b) for b in (1, 0, 5)])
try:
    [1 / x for x in (1, 0)]
except ZeroDivisionError as e:
    print("comprehension raised", e)
try:
    {k: 1 // k for k in range(2)}
except ZeroDivisionError:
    print("dict comprehension raised")
