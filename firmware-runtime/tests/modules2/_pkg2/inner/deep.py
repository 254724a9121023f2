print("deep init", __name__)
X = 42
