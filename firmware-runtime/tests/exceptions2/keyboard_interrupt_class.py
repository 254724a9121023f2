try:
    raise KeyboardInterrupt
except Exception:
    print("not an Exception")
except BaseException as e:
    print("BaseException", type(e).__name__, issubclass(KeyboardInterrupt, Exception))
try:
    raise KeyboardInterrupt("msg")
except KeyboardInterrupt as e:
    print("caught", e.args)
