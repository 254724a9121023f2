s = "Grüße, 世界! ñ"
print(len(s), s.upper(), s.lower(), s[7:9], s.find("世"), s.encode("utf-8"), len(s.encode()))
print(s.split(", "), s.replace("ü", "ue"), "ñ" in s, s.count("e"), s[::-1])
print([c for c in "aé"], [ord(c) for c in "aé€😀"], chr(128512), "😀".encode())
print(b"\xc3\xa9".decode("utf-8"), "é".encode("utf-8"), repr("é\u0301"), ascii("é"))
print("ΑΒΓ".lower(), "абв".upper(), "ÀÉÎ".lower(), "straße".upper() if False else "x")
print(sorted(["é", "e", "z", "a"]), "é" > "e", max("abcé"))
