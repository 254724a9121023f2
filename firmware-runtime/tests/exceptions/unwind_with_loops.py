class CM:
    def __init__(self, n): self.n = n
    def __enter__(self):
        print("enter", self.n)
        return self
    def __exit__(self, *a):
        print("exit", self.n, a[0].__name__ if a[0] else None)
        return False
def f(mode):
    for i in range(3):
        with CM(i):
            try:
                if mode == "break" and i == 1:
                    break
                if mode == "continue" and i == 0:
                    continue
                if mode == "return" and i == 1:
                    return "ret%d" % i
                if mode == "raise" and i == 2:
                    raise KeyError(i)
            finally:
                print("finally", i)
        print("after with", i)
    else:
        print("loop else")
    return "end"
for mode in ["break", "continue", "return", "raise", "none"]:
    try:
        print(mode, "->", f(mode))
    except KeyError as e:
        print(mode, "-> KeyError", e)
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(nested_finally())
def except_return():
    try:
        raise ValueError
    except ValueError:
        try:
            return "from handler"
        finally:
            print("handler finally")
print(except_return())
def loop_in_except():
    out = []
    try:
        raise ValueError("x")
    except ValueError:
        for i in range(3):
            if i == 1:
                continue
            if i == 2:
                break
            out.append(i)
    return out
print(loop_in_except())
import sys
def exc_state():
    try:
        raise ValueError("a")
    except ValueError:
        pass
    return sys.exc_info()[0]
print(exc_state())
