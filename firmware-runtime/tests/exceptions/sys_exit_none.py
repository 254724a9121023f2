import sys
try:
    sys.exit()
except SystemExit as e:
    print("caught exit", e.code)
sys.exit(0)
