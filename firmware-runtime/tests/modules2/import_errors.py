try:
    import _no_such_module_xyz
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
try:
    import _no_such_module_xyz.sub
except ImportError as e:
    print(type(e).__name__, e.name if hasattr(e, "name") and False else "")
print(issubclass(ModuleNotFoundError, ImportError))
