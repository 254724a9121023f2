print(max([1, 5, 3]), min([1, 5, 3]), max(1, 5, 3), min("b", "a", "c"))
print(max("hello"), min((4, 2, 8)))
print(max([], default="empty"), min([], default=None))
print(max(["aa", "b", "cccc"], key=len), min(["aa", "b", "cccc"], key=len))
print(max([(1, "a"), (1, "b")]), min({"x": 3, "y": 1}, key=lambda k: {"x": 3, "y": 1}[k]))
try:
    max([])
except ValueError as e:
    print("ValueError", e)
print(max(1, 2.5), min(-1, -1.5))
print(max([3, 1, 3], key=lambda v: v))
