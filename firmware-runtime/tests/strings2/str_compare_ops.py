print("abc" < "abd", "abc" < "ab", "Z" < "a", "" < "a", "a" * 3, 3 * "ab")
print("abc" == "abc", "abc" != "ABC", "é" > "z")
print(min("hello"), max("hello"), sorted("bca"), "".join(sorted("bca", reverse=True)))
print("ab" + "cd", "x" * 0, "x" * -1, repr(""))
print(str(1) + "1", "1" * 2)
try:
    "a" + 1
except TypeError as e:
    print("TypeError", e)
try:
    "a" < 1
except TypeError as e:
    print("TypeError", e)
