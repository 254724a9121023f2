print("a" < "b", "abc" < "abd", "ab" < "abc", "B" < "a", "" < "a", "é" > "z")
print("abc" == "abc", "abc" != "abd", "a" * 3 == "aaa")
print(sorted(["banana", "Apple", "cherry", "apple"]))
print(max("hello"), min("hello"))
