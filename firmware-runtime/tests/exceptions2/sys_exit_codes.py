import sys
try:
    sys.exit(3)
except SystemExit as e:
    print("code", e.code)
try:
    sys.exit("message")
except SystemExit as e:
    print("code", e.code)
try:
    raise SystemExit
except SystemExit as e:
    print("code", e.code)
print("exiting")
sys.exit(4)
