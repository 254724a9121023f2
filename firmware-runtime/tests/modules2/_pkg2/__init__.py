print("pkg2 init", __name__)
VALUE = 1
