print("loading _mod_a")
counter = 0
def bump():
    global counter
    counter += 1
    return counter
class Thing:
    def __repr__(self):
        return "Thing from " + __name__
__all__ = ["bump", "Thing"]
_private = "hidden"
