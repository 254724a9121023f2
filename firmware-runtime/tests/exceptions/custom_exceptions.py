class Base(Exception):
    pass
class Specific(Base):
    def __init__(self, detail):
        super().__init__("specific: " + detail)
        self.detail = detail
class WithStr(Exception):
    def __str__(self):
        return "custom str"
for exc in [Base("b"), Specific("d"), WithStr()]:
    try:
        raise exc
    except Base as e:
        print("Base handler", type(e).__name__, e)
    except Exception as e:
        print("Exception handler", type(e).__name__, e)
try:
    raise Specific("x")
except Specific as e:
    print(e.detail, e.args)
