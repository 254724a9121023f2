# Recursive fib(22) (MicroPython on mps2-an385: 36.7 M guest instructions).
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)

print(fib(22))
