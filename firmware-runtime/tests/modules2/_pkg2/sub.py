print("pkg2.sub init", __name__)
def hello():
    return "hello from sub"
