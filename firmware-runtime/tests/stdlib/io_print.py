# io.StringIO as print()'s file and as a stream for json; many small writes; BytesIO round trips
import io
import json

buf = io.StringIO()
print("hello", "world", file=buf)
print(1, 2, 3, sep=", ", file=buf)
print("no newline", end="", file=buf)
print(file=buf)
print("x", "y", sep="", end="!\n", file=buf, flush=True)
text = buf.getvalue()
print(repr(text), buf.tell(), len(text))
buf.seek(0)
print([line.rstrip("\n") for line in buf])
buf.seek(0)
print(buf.readline(), end="")
print(repr(buf.read(5)), repr(buf.readline()), buf.readlines())
out = io.StringIO()
for i in range(2000):
    out.write("%d," % i)
v = out.getvalue()
print(len(v), v[:20], v[-10:], out.tell())
out.write("tail")
print(out.getvalue()[-14:])
s = io.StringIO()
json.dump({"a": [1, 2, {"b": None}]}, s, indent=2, sort_keys=True)
print(s.getvalue())
s.seek(0)
print(json.load(s))
print(json.load(io.StringIO('[1, "two", 3.5]')))
rows = io.StringIO("name,qty\napple,3\npear,5\n")
header = rows.readline().strip().split(",")
table = [dict(zip(header, line.strip().split(","))) for line in rows]
print(header, table)
with io.StringIO("ctx") as f:
    print(f.read(), f.closed)
print(f.closed)
try:
    f.write("late")
except ValueError as e:
    print("ValueError", e)
b = io.BytesIO()
print(b.write(b"\x00\x01binary\n"), b.write(bytearray(b"more\n")), b.write(b""), b.tell())
print(b.getvalue())
b.seek(0)
print(b.readline(), b.read(2), b.readlines(), b.read())
b.seek(-3, 2)
print(b.read(), b.seek(0, 1), b.seek(2, 0))
print(b.truncate(), b.getvalue(), b.tell())
bb = io.BytesIO(b"line1\nline2\nline3")
print([x for x in bb])
print(io.BytesIO(bytearray(b"ba")).read(), io.BytesIO().getvalue(), io.StringIO().getvalue() == "")
try:
    io.BytesIO(b"x").write(5)
except TypeError as e:
    print("TypeError", e)
