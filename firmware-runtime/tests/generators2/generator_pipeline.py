def read(lines):
    for line in lines:
        yield line
def strip(lines):
    for line in lines:
        yield line.strip()
def nonempty(lines):
    return (l for l in lines if l)
def numbered(lines):
    for i, l in enumerate(lines, 1):
        yield "%d: %s" % (i, l)
data = ["  alpha ", "", " beta", "   ", "gamma  "]
for row in numbered(nonempty(strip(read(data)))):
    print(row)
