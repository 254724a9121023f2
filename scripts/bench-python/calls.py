# 200,000 calls of a two-argument function (MicroPython on mps2-an385: 774 instructions each).
def add(a, b):
    return a + b

def main():
    total = 0
    for i in range(200000):
        total = add(total, i)
    print(total)

main()
