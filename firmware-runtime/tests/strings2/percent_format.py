print("%s is %d years" % ("Bob", 30), "%5s|%-5s|" % ("a", "b"))
print("%.2f %.0f %e %g" % (3.14159, 2.5, 12345.678, 0.0001))
print("%x %X %o %#x %#o" % (255, 255, 8, 255, 8))
print("%c%c" % (72, "i"), "%%", "%r" % [1])
print("%(a)s-%(b)d" % {"a": "x", "b": 5})
print("%05.1f|%+d|% d" % (3.14159, 5, 5))
print("%s" % (1,), "%s" % [1, 2], "%s %s" % (None, True))
try:
    "%d" % "x"
except TypeError as e:
    print("TypeError", e)
try:
    "%s %s" % (1,)
except TypeError as e:
    print("TypeError", e)
