s = "naïve café 日本語 😀"
print(len(s), s[2], s[-1], s[11:14], s.upper())
print(s.encode("utf-8"), len(s.encode()))
print(s.find("日"), s.index("😀"), s[::-1])
print([c for c in "aé😀"], [ord(c) for c in "aé😀"])
b = "é".encode()
print(b, b.decode(), len(b))
print("\u00e9" == "é", "\U0001F600" == "😀")
print(repr("é\n\x00"), ascii("é"))
