café = "coffee"
π = 3.14
print(café, π, len("日本語"), "日本語"[1])
