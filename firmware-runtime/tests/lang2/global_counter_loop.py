count = 0
names = {}
for i in range(500):
    count += i
    names["k%d" % (i % 10)] = i
print(count, len(names), names["k9"])
s = ""
for i in range(100):
    s += str(i % 10)
print(len(s), s[:15])
total = 0
i = 0
while i < 1000:
    total += i * 2
    i += 1
print(total)
