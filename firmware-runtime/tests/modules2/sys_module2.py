import sys
print(type(sys.argv).__name__, len(sys.argv) >= 1, sys.argv[0].endswith("sys_module2.py"))
print(sys.maxsize > 2 ** 30, type(sys.path).__name__, sys.byteorder in ("little", "big"))
print(type(sys.modules).__name__, "sys" in sys.modules, sys.version_info[0])
sys.stdout.write("direct write\n")
print(hasattr(sys, "exit"), callable(sys.exit))
