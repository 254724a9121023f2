print("tab\tnew\\line", r"raw\n", len(r"\n"), len("\n"))
print("quote\"s", 'single\'s', """triple "quoted" """, '''also''')
print("\x41\101\u0042", "a\
b")
print(repr("\x7f\x80"), repr("\r\t\\"), repr("\'"), repr('"'), repr("'\""))
print(b"\x00\xff", rb"\x00", len(rb"\x00"))
print("multi"
      "line"
      " concat")
