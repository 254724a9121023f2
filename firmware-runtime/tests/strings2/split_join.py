s = "  a b  c  "
print(s.split(), s.split(" "), s.split(None, 1), s.rsplit(None, 1))
print("a,b,,c".split(","), "a,b,,c".split(",", 1), "a,b,,c".rsplit(",", 1))
print("".split(), "".split(","), "abc".split("abc"))
print("line1\nline2\r\nline3".splitlines(), "x\n".splitlines(True))
print("-".join("abc"), ", ".join(map(str, [1, 2])))
try:
    "a".split("")
except ValueError as e:
    print("ValueError", e)
print("a b c".partition(" "), "abc".partition("x"), "a b c".rpartition(" "))
