print(format(5), format(5, "3"), format("x", ">3"), format(1.5, "08.3f"))
print(format(1234567, ","), format(-42, "+"), format(3, "b"), format(0.25, ".1%"))
class W:
    def __format__(self, spec):
        return "W(" + spec + ")"
print(format(W(), "abc"), f"{W():xyz}", "{:q}".format(W()))
print(repr(format(None)), format(True), format(10, "c") if False else "skip")
