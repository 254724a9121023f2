print(chr(65), ord("A"), chr(0x263A), ord("é"), chr(97 + 25))
print(hex(ord("€")), len(chr(0x1F600)), ord(chr(0x10FFFF)))
try:
    chr(-1)
except ValueError as e:
    print("ValueError", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError", e)
print(ascii("héllo"), repr("tab\t"), ascii(1))
print(bin(10), oct(10), hex(10), abs(-7.5), round(7.45, 1))
print(divmod(9, 4), pow(2, 5), pow(2.0, 3))
