print("inner init", __name__)
