s = "hello world, hello"
print(s.find("hello"), s.find("hello", 1), s.rfind("hello"), s.find("zz"), s.find(""))
print(s.index("world"), s.rindex("o"), s.count("l"), s.count("hello"), s.count(""))
print(s.find("o", 5, 8), s.count("l", 3), s.startswith(("x", "he")), s.endswith("llo", 0, 5))
try:
    s.index("zz")
except ValueError as e:
    print("ValueError", e)
print("abc" in s, "hello" in s, "" in s)
print("aaaa".count("aa"), "ababab".replace("ab", "X", 2))
