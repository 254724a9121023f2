def attempt(x):
    log = []
    try:
        log.append("try")
        if x:
            raise ValueError
    except ValueError:
        log.append("except")
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
print(attempt(0), attempt(1))
def in_loop():
    out = []
    for i in range(4):
        try:
            if i == 1:
                continue
            if i == 3:
                break
        except Exception:
            pass
        else:
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(in_loop())
