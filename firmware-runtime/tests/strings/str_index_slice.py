s = "abcdef"
print(s[0], s[-1], s[2:4], s[:2], s[4:], s[::-1], s[1:-1:2], s[10:], s[-100:2])
try:
    s[10]
except IndexError as e:
    print("IndexError", e)
try:
    s[0] = "x"
except TypeError as e:
    print("TypeError", e)
u = "héllo wörld"
print(u[1], u[7], u[1:5], len(u), u[::-1], u.upper())
for ch in "añb":
    print(ch, ord(ch))
print(list("abc"), "b" in "abc", "bc" in "abc", "" in "abc")
