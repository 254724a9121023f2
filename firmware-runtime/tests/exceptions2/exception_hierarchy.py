pairs = [(ZeroDivisionError, ArithmeticError), (KeyError, LookupError), (IndexError, LookupError),
         (FileNotFoundError, OSError), (UnicodeDecodeError, ValueError), (RecursionError, RuntimeError),
         (NotImplementedError, RuntimeError), (ModuleNotFoundError, ImportError), (StopIteration, Exception),
         (KeyboardInterrupt, BaseException), (SystemExit, Exception), (GeneratorExit, Exception),
         (TimeoutError, OSError), (BrokenPipeError, ConnectionError), (OverflowError, ArithmeticError)]
for a, b in pairs:
    print(a.__name__, b.__name__, issubclass(a, b))
print(Exception.__mro__[1].__name__, [c.__name__ for c in KeyError.__mro__])
