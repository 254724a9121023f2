counter = 0
def bump():
    global counter
    counter += 1
for _ in range(3):
    bump()
print(counter)
def make():
    global made
    made = "yes"
make()
print(made)
def local_shadow():
    counter = 100
    return counter
print(local_shadow(), counter)
def unbound():
    try:
        print(zz)
        zz = 1
    except UnboundLocalError as e:
        print("UnboundLocalError", e)
unbound()
try:
    print(undefined_name)
except NameError as e:
    print("NameError", e)
del counter
try:
    counter
except NameError as e:
    print(e)
