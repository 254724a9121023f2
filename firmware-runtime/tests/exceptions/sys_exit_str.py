import sys
print("x")
sys.exit("message to stderr")
