samples = ["", "abc", "ABC", "Abc", "123", "12.5", " ", "\t\n", "a1", "_x", "Hello World", "hello world"]
for s in samples:
    print(repr(s), s.isalpha(), s.isdigit(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), s.istitle())
