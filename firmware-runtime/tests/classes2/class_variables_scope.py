class A:
    x = 1
    y = x + 1
    items = [i * 2 for i in range(3)]
    try:
        hidden = [x * i for i in range(3)]
    except NameError as e:
        hidden = "class scope is not visible in comprehensions"
    def get(self):
        return self.x, A.y
print(A.y, A.items, A().get(), A.hidden)
x = "global"
class B:
    x = "class"
    def f(self):
        return x
print(B().f())
class C:
    def __init__(self):
        self.__private = 1
    def peek(self):
        return self.__private
print(C().peek(), hasattr(C(), "__private"), hasattr(C(), "_C__private"))
