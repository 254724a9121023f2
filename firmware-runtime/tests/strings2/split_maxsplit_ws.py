s = "  a b  c  "
print(s.split(None, 1), s.split(None, 2), s.split(None, 0), s.rsplit(None, 1), s.rsplit(None, 0))
print("a\tb\nc d".split(None, 2), " x ".split(maxsplit=1), " x y ".rsplit(maxsplit=1))
print("ß".upper(), "ß".swapcase(), "Maße".casefold(), "ÀÉÎ".casefold(), "ABC".casefold())
for enc in ("utf-8", "UTF8", "utf_8", "ascii", "latin-1"):
    print(enc, "é".encode(enc) if enc != "ascii" else "e".encode(enc))
try:
    "x".encode("no-such-codec")
except LookupError as e:
    print("LookupError", e)
