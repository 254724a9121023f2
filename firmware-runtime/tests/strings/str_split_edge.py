print("".split(), "".split(","), " a ".split(" "), "a  b".split(" "), "a b c".split(None, 1))
print("a,b,c".split(",", 0), "1 2 3".rsplit(None, 1), "  x  y  ".rsplit())
print("abc".split("b"), "aaa".split("a"), "k=v".split("=", 1))
