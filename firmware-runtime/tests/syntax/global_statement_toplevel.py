global gx
gx = 5
def use():
    return gx
print(use())
if True:
    y = 1
print(y)
for i in range(2):
    z = i
print(z, i)
try:
    w = 1
finally:
    pass
print(w)
