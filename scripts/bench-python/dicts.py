# 100,000 insert+lookup pairs, half on an int-key dict and half on a str-key dict, over 1,000
# keys each so the working set fits a small board heap as MicroPython's 140 KiB one
# (MicroPython on mps2-an385: 460 M guest instructions).
def main():
    ints = {}
    strs = {}
    keys = ['k' + str(i) for i in range(1000)]
    hits = 0
    for i in range(50000):
        j = i % 1000
        ints[j] = i
        if ints[j] == i:
            hits += 1
        k = keys[j]
        strs[k] = i
        if strs[k] == i:
            hits += 1
    print(hits)

main()
