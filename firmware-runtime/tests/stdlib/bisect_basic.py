# bisect: positions, lo/hi, key (CPython 3.10+), insort variants, errors
import bisect

a = [1, 2, 2, 2, 3, 5, 8]
for x in (0, 1, 2, 3, 4, 8, 9):
    print(x, bisect.bisect_left(a, x), bisect.bisect_right(a, x), bisect.bisect(a, x))
print(bisect.bisect_left(a, 2, 2), bisect.bisect_right(a, 2, 0, 2), bisect.bisect(a, 5, hi=4))
print(bisect.bisect_left(a, 2, lo=4, hi=6), bisect.bisect_left([], 1), bisect.bisect_right([], 1))
try:
    bisect.bisect_left(a, 1, -1)
except ValueError as e:
    print("ValueError", e)
try:
    bisect.insort(a, 1, lo=-2)
except ValueError as e:
    print("ValueError", e)
b = []
for x in [5, 1, 4, 1, 5, 9, 2, 6]:
    bisect.insort(b, x)
print(b)
c = [1.0, 2.0]
bisect.insort_left(c, 2)
bisect.insort_right(c, 1)
print(c, [type(v).__name__ for v in c])
# key applies to list items; insort applies it to x as well
recs = [("a", 1), ("b", 3), ("c", 3), ("d", 7)]
print(bisect.bisect_left(recs, 3, key=lambda r: r[1]), bisect.bisect_right(recs, 3, key=lambda r: r[1]))
bisect.insort(recs, ("e", 3), key=lambda r: r[1])
bisect.insort_left(recs, ("f", 3), key=lambda r: r[1])
print(recs)
bisect.insort_right(recs, ("g", 0), key=lambda r: r[1])
print(recs[0], len(recs))
# grades, the documentation's example
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])
words = sorted(["kiwi", "apple", "fig", "banana"])
print(words, bisect.bisect_left(words, "cherry"), bisect.bisect_left(words, "fig"))
print(bisect.bisect_right(range(0, 100, 5), 42), bisect.bisect_left((1, 3, 5), 3))
