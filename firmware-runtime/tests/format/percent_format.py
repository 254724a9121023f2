print("%d items" % 5, "%s and %s" % ("a", "b"), "%r" % "x", "%5d|" % 42, "%-5d|" % 42)
print("%05d" % 42, "%x %X %o" % (255, 255, 8), "%#x %#o" % (255, 8), "%+d %+d" % (5, -5))
print("%.2f" % 3.14159, "%10.3f|" % 2.5, "%e" % 12345.678, "%g %g" % (0.0001, 1e20), "%%")
print("%(name)s is %(age)d" % {"name": "Bob", "age": 30}, "%c%c" % (65, "b"), "%s" % [1, 2])
print("%3s|%-3s|" % ("a", "b"), "%.1s" % "abc", "%i" % 3.7)
try:
    "%d %d" % (1,)
except TypeError as e:
    print("TypeError:", e)
try:
    "%d" % (1, 2)
except TypeError as e:
    print("TypeError:", e)
