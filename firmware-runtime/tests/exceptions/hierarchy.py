classes = [BaseException, Exception, SystemExit, KeyboardInterrupt, StopIteration,
           GeneratorExit, ArithmeticError, ZeroDivisionError, OverflowError, LookupError,
           IndexError, KeyError, ValueError, TypeError, AttributeError, NameError,
           RuntimeError, NotImplementedError, AssertionError, MemoryError, OSError,
           TimeoutError, RecursionError, UnboundLocalError, ImportError, EOFError]
for c in classes:
    print(c.__name__, [b.__name__ for b in c.__mro__])
print(issubclass(TimeoutError, OSError), issubclass(KeyError, Exception), issubclass(SystemExit, Exception))
e = OSError(2, "No such file")
print(e.errno, e.strerror, str(e), e.args)
print(str(KeyError("k")), str(KeyError()), repr(ValueError("a", 1)), str(ValueError("a", 1)))
print(StopIteration(5).value, SystemExit(3).code, repr(Exception()))
