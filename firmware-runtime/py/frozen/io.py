# vbpy's io (frozen): in-memory text and binary streams, StringIO and BytesIO, following CPython's
# io documentation and the behaviour (and error messages) of its C implementations: writes at the
# position overwrite and pad a gap with NULs, seek past the end is allowed, StringIO seeks only
# to absolute positions or by 0 from the current position / end.  StringIO's newline argument
# is accepted but only "\n" line endings are recognised (its default).  No file objects: the VM
# has no open().

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


class _Mem:
    # The buffer is the joined value plus a list of chunks written at its end, joined lazily:
    # print() to a StringIO appends many small pieces, and joining each time is quadratic.
    _empty = ""
    _closed_msg = "I/O operation on closed file."

    def __init__(self, value):
        self._value = value
        self._tail = []
        self._len = len(value)
        self._pos = 0
        self.closed = False

    def _check(self, msg=None):
        if self.closed:
            raise ValueError(msg or self._closed_msg)

    def _buf(self):
        if self._tail:
            self._value = self._empty.join([self._value] + self._tail)
            self._tail = []
        return self._value

    def getvalue(self):
        self._check()
        return self._buf()

    def write(self, s):
        self._check()
        s = self._data(s)
        n = len(s)
        if not n:
            return 0
        pos = self._pos
        if pos == self._len:
            self._tail.append(s)
        else:
            v = self._buf()
            if pos > self._len:
                v += self._pad * (pos - self._len)
            self._value = v[:pos] + s + v[pos + n:]
        self._pos = pos + n
        if self._pos > self._len:
            self._len = self._pos
        return n

    def writelines(self, lines):
        for s in lines:
            self.write(s)

    def read(self, size=-1):
        self._check()
        size = self._size(size)
        v = self._buf()
        start = min(self._pos, self._len)
        end = self._len if size < 0 else min(self._len, start + size)
        if end < start:
            end = start
        self._pos = max(self._pos, end)
        return v[start:end]

    def readline(self, size=-1):
        self._check()
        size = self._size(size)
        v = self._buf()
        start = min(self._pos, self._len)
        end = self._find(v, start)
        end = self._len if end < 0 else end + 1
        if 0 <= size < end - start:
            end = start + size
        self._pos = max(self._pos, end)
        return v[start:end]

    def readlines(self, hint=-1):
        self._check("I/O operation on closed file.")
        lines = []
        total = 0
        while True:
            line = self.readline()
            if not line:
                return lines
            lines.append(line)
            total += len(line)
            if hint is not None and 0 < hint < total:
                return lines

    def _size(self, size):
        if size is None:
            return -1
        if not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" % type(size).__name__)
        return size

    def tell(self):
        self._check()
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        if size < 0:
            raise ValueError("negative size value %d" % size)
        if size < self._len:
            self._value = self._buf()[:size]
            self._len = size
        return size

    def close(self):
        self.closed = True

    def flush(self):
        self._check()

    def readable(self):
        self._check()
        return True

    writable = seekable = readable

    def isatty(self):
        self._check()
        return False

    def __iter__(self):
        self._check("I/O operation on closed file.")
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def __enter__(self):
        self._check("I/O operation on closed file.")
        return self

    def __exit__(self, *exc):
        self.close()


class StringIO(_Mem):
    _pad = "\0"
    _closed_msg = "I/O operation on closed file"

    def __init__(self, initial_value="", newline="\n"):
        if initial_value is None:
            initial_value = ""
        if not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        _Mem.__init__(self, initial_value)
        self.newline = newline

    def _find(self, v, start):
        return v.find("\n", start)

    def _data(self, s):
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        return s

    def seek(self, pos, whence=0):
        self._check()
        if whence not in (0, 1, 2):
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        if whence and pos:
            raise OSError("Can't do nonzero %s-relative seeks" % ("cur" if whence == 1 else "end"))
        if pos < 0:
            raise ValueError("Negative seek position %d" % pos)
        if whence == 2:
            pos = self._len
        elif whence == 1:
            pos = self._pos
        self._pos = pos
        return pos


class BytesIO(_Mem):
    _pad = b"\0"
    _empty = b""

    def __init__(self, initial_bytes=b""):
        _Mem.__init__(self, bytes(initial_bytes or b""))

    def _find(self, v, start):
        # bytes.find ignores its start argument in the VM (a bug reported to its owners)
        i = v[start:].find(b"\n")
        return i if i < 0 else start + i

    def _data(self, s):
        if not isinstance(s, (bytes, bytearray, memoryview)):
            raise TypeError("a bytes-like object is required, not '%s'" % type(s).__name__)
        return bytes(s)

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
        elif whence == 1:
            pos = max(0, self._pos + pos)
        elif whence == 2:
            pos = max(0, self._len + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        self._pos = pos
        return pos

    def read1(self, size=-1):
        return self.read(size)

    def getbuffer(self):
        self._check()
        return memoryview(self._buf())

    def __iter__(self):
        return self
