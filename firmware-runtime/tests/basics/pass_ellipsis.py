def f():
    pass
class C:
    ...
print(f(), C.__name__, ..., Ellipsis, type(...).__name__)
