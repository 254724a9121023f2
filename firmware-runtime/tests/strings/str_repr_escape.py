print(repr("a\nb\tc\\d"), repr("\x00\x7f"), repr("'"), repr('"'), repr("'\""))
print("\u00e9\u20ac", "\x41\101\u0042", r"raw\n", len("\n"))
print("""triple
quoted""", "single")
print("a" "b" 'c', "con" \
 "tinued")
print(b"bytes\x00\xff", repr(b"it's"), rb"\d")
