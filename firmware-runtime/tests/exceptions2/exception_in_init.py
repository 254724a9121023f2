class Fragile:
    def __init__(self, ok):
        if not ok:
            raise ValueError("bad init")
        self.ok = ok
try:
    Fragile(False)
except ValueError as e:
    print("caught", e)
print(Fragile(True).ok)
class Res:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit not called")
try:
    with Res():
        print("body not run")
except RuntimeError as e:
    print(e)
