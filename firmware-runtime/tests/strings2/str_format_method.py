print("{} {}".format(1, 2), "{1} {0}".format("a", "b"), "{x}-{y}".format(x=1, y=2))
print("{0[1]} {1[k]} {2.real}".format([1, 2], {"k": "v"}, 3))
print("{:>5}|{:<5}|{:^5}|".format("a", "b", "c"))
print("{:*^9}".format("mid"), "{:08.3f}".format(-3.14159), "{:,d}".format(1234567))
print("{!r} {!s}".format("q", "q"))
print("{{literal}} {}".format(5))
print("{:x} {:X} {:#b} {:o}".format(255, 255, 5, 8))
print("{:.3} {:.0%} {:e}".format("abcdef", 0.256, 1234.5))
print("{0:{1}}|".format("w", 4), "{:{w}.{p}f}".format(3.14159, w=8, p=2))
try:
    "{} {}".format(1)
except IndexError as e:
    print("IndexError", e)
try:
    "{x}".format(y=1)
except KeyError as e:
    print("KeyError", e)
