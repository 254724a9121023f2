def risky(k):
    if k == 0:
        return 1 / 0
    if k == 1:
        return [][1]
    if k == 2:
        return {}["x"]
    if k == 3:
        return int("x")
    return "ok"
for k in range(5):
    try:
        r = risky(k)
    except (ZeroDivisionError, IndexError) as e:
        print(k, "arith-or-index", type(e).__name__)
    except LookupError as e:
        print(k, "lookup", repr(e))
    except Exception as e:
        print(k, "other", e)
    else:
        print(k, "else", r)
    finally:
        print(k, "finally")
