results = []
for i in range(4):
    try:
        try:
            if i % 2:
                raise ValueError(i)
            results.append("ok%d" % i)
        finally:
            results.append("fin%d" % i)
    except ValueError as e:
        results.append("err%s" % e)
print(results)
def g():
    try:
        return [x for x in range(3)]
    finally:
        print("g finally")
print(g())
