s = "Hello World Ünïcode ß"
print(s.upper(), s.lower(), s.swapcase())
print("hello world".title(), "hELLO".capitalize(), "don't stop".title())
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "  ".isspace(), "".isspace())
print("ABC".isupper(), "abc".islower(), "Title Case".istitle(), "aBC".isupper())
print("12".isdecimal(), "1.5".isnumeric(), "ident_1".isidentifier(), "1x".isidentifier())
print("ß".upper(), "ß".swapcase(), "Maße".casefold(), "ÀÉÎ".casefold())
print("straße".casefold() if hasattr(str, "casefold") else "")
