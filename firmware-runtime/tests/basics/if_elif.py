for x in range(-2, 4):
    if x < 0:
        print(x, "negative")
    elif x == 0:
        print(x, "zero")
    elif x == 1:
        print(x, "one")
    else:
        print(x, "many")
if not None: print("none is falsy")
if []: print("bad")
else: print("empty list falsy")
