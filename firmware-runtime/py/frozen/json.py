# vbpy's json (frozen): JSON (RFC 8259) encoding and decoding following CPython's json module
# documentation: dumps/dump options (indent, separators, sort_keys, ensure_ascii, default,
# allow_nan, skipkeys, check_circular, cls), loads/load hooks (object_hook, object_pairs_hook,
# parse_float, parse_int, parse_constant, strict), JSONEncoder/JSONDecoder, and JSONDecodeError
# with CPython's messages and positions (those of its C scanner).  One module instead of
# CPython's package: json.decoder / json.encoder are not importable.

_ws = " \t\n\r"
_esc = {'"': '\\"', "\\": "\\\\", "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b",
        "\f": "\\f"}


class JSONDecodeError(ValueError):
    def __init__(self, msg, doc, pos):
        lineno = doc.count("\n", 0, pos) + 1
        colno = pos - doc.rfind("\n", 0, pos)
        ValueError.__init__(self, "%s: line %d column %d (char %d)" % (msg, lineno, colno, pos))
        self.msg = msg
        self.doc = doc
        self.pos = pos
        self.lineno = lineno
        self.colno = colno


# ---- encoding ------------------------------------------------------------------------------

def _quote(s, ascii_only):
    # fast path: nothing to escape (the common case; the loop below is slow in the VM)
    if '"' not in s and "\\" not in s and (not s or min(s) >= " ") and \
            (not ascii_only or s.isascii() and "\x7f" not in s):
        return '"' + s + '"'
    out = ['"']
    for c in s:
        e = _esc.get(c)
        if e is None:
            n = ord(c)
            if n < 0x20 or ascii_only and n > 0x7e:
                if n > 0xffff:
                    n -= 0x10000
                    e = "\\u%04x\\u%04x" % (0xd800 | (n >> 10), 0xdc00 | (n & 0x3ff))
                else:
                    e = "\\u%04x" % n
            else:
                e = c
        out.append(e)
    out.append('"')
    return "".join(out)


def _float(o, allow_nan):
    if o != o:
        text = "NaN"
    elif o == float("inf"):
        text = "Infinity"
    elif o == -float("inf"):
        text = "-Infinity"
    else:
        return float.__repr__(o)
    if not allow_nan:
        raise ValueError("Out of range float values are not JSON compliant")
    return text


class JSONEncoder:
    item_separator = ", "
    key_separator = ": "

    def __init__(self, *, skipkeys=False, ensure_ascii=True, check_circular=True,
                 allow_nan=True, sort_keys=False, indent=None, separators=None, default=None):
        self.skipkeys = skipkeys
        self.ensure_ascii = ensure_ascii
        self.check_circular = check_circular
        self.allow_nan = allow_nan
        self.sort_keys = sort_keys
        if indent is not None and not isinstance(indent, str):
            indent = " " * indent
        self.indent = indent
        if separators is not None:
            self.item_separator, self.key_separator = separators
        elif indent is not None:
            self.item_separator = ","
        if default is not None:
            self.default = default

    def default(self, o):
        raise TypeError("Object of type %s is not JSON serializable" % type(o).__name__)

    def encode(self, o):
        if isinstance(o, str):
            return _quote(o, self.ensure_ascii)
        return "".join(self.iterencode(o))

    def iterencode(self, o, _one_shot=False):
        out = []
        self._enc(o, out, {} if self.check_circular else None, 0)
        return out

    def _enc(self, o, out, markers, depth):
        if isinstance(o, str):
            out.append(_quote(o, self.ensure_ascii))
        elif o is None:
            out.append("null")
        elif o is True:
            out.append("true")
        elif o is False:
            out.append("false")
        elif isinstance(o, int):
            out.append(int.__repr__(o))
        elif isinstance(o, float):
            out.append(_float(o, self.allow_nan))
        else:
            if markers is not None:
                if id(o) in markers:
                    raise ValueError("Circular reference detected")
                markers[id(o)] = o
            if isinstance(o, (list, tuple)):
                self._list(o, out, markers, depth)
            elif isinstance(o, dict):
                self._dict(o, out, markers, depth)
            else:
                self._enc(self.default(o), out, markers, depth)
            if markers is not None:
                del markers[id(o)]

    def _open(self, out, bracket, depth):
        # returns the separator between items, with the newline and indent when indenting
        out.append(bracket)
        if self.indent is None:
            return self.item_separator, None
        nl = "\n" + self.indent * (depth + 1)
        out.append(nl)
        return self.item_separator + nl, "\n" + self.indent * depth

    def _list(self, o, out, markers, depth):
        if not o:
            out.append("[]")
            return
        sep, close = self._open(out, "[", depth)
        first = True
        for v in o:
            if not first:
                out.append(sep)
            first = False
            self._enc(v, out, markers, depth + 1)
        if close is not None:
            out.append(close)
        out.append("]")

    def _dict(self, o, out, markers, depth):
        if not o:
            out.append("{}")
            return
        sep, close = self._open(out, "{", depth)
        items = sorted(o.items()) if self.sort_keys else o.items()
        first = True
        for k, v in items:
            if isinstance(k, str):
                pass
            elif isinstance(k, float):
                k = _float(k, self.allow_nan)
            elif k is True:
                k = "true"
            elif k is False:
                k = "false"
            elif k is None:
                k = "null"
            elif isinstance(k, int):
                k = int.__repr__(k)
            elif self.skipkeys:
                continue
            else:
                raise TypeError("keys must be str, int, float, bool or None, not %s"
                                % type(k).__name__)
            if not first:
                out.append(sep)
            first = False
            out.append(_quote(k, self.ensure_ascii))
            out.append(self.key_separator)
            self._enc(v, out, markers, depth + 1)
        if close is not None:
            out.append(close)
        out.append("}")


def dumps(obj, *, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True,
          cls=None, indent=None, separators=None, default=None, sort_keys=False, **kw):
    return (cls or JSONEncoder)(skipkeys=skipkeys, ensure_ascii=ensure_ascii,
                                check_circular=check_circular, allow_nan=allow_nan,
                                indent=indent, separators=separators, default=default,
                                sort_keys=sort_keys, **kw).encode(obj)


def dump(obj, fp, **kw):
    fp.write(dumps(obj, **kw))


# ---- decoding ------------------------------------------------------------------------------

_consts = {"NaN": float("nan"), "Infinity": float("inf"), "-Infinity": float("-inf")}
_hex = "0123456789abcdefABCDEF"


class JSONDecoder:
    def __init__(self, *, object_hook=None, parse_float=None, parse_int=None,
                 parse_constant=None, strict=True, object_pairs_hook=None):
        self.object_hook = object_hook
        self.parse_float = parse_float or float
        self.parse_int = parse_int or int
        self.parse_constant = parse_constant or _consts.__getitem__
        self.strict = strict
        self.object_pairs_hook = object_pairs_hook

    def decode(self, s):
        i = self._skip(s, 0)
        obj, end = self.raw_decode(s, i)
        end = self._skip(s, end)
        if end != len(s):
            raise JSONDecodeError("Extra data", s, end)
        return obj

    def raw_decode(self, s, idx=0):
        return self._value(s, idx)

    def _skip(self, s, i):
        n = len(s)
        while i < n and s[i] in _ws:
            i += 1
        return i

    def _value(self, s, i):
        c = s[i:i + 1]
        if c == '"':
            return self._string(s, i + 1)
        if c == "{":
            return self._object(s, i + 1)
        if c == "[":
            return self._array(s, i + 1)
        if c == "n" and s.startswith("null", i):
            return None, i + 4
        if c == "t" and s.startswith("true", i):
            return True, i + 4
        if c == "f" and s.startswith("false", i):
            return False, i + 5
        for name in ("NaN", "Infinity", "-Infinity"):
            if s.startswith(name, i):
                return self.parse_constant(name), i + len(name)
        return self._number(s, i)

    def _number(self, s, i):
        # -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?, ASCII digits only (as the C scanner)
        n = len(s)
        j = i + 1 if s[i:i + 1] == "-" else i
        if j >= n or not "0" <= s[j] <= "9":
            raise JSONDecodeError("Expecting value", s, i)
        j = j + 1 if s[j] == "0" else self._digits(s, j)
        real = False
        if j + 1 < n and s[j] == "." and "0" <= s[j + 1] <= "9":
            j = self._digits(s, j + 1)
            real = True
        if j + 1 < n and s[j] in "eE":
            k = j + 2 if s[j + 1] in "+-" else j + 1
            if k < n and "0" <= s[k] <= "9":
                j = self._digits(s, k)
                real = True
        text = s[i:j]
        return (self.parse_float if real else self.parse_int)(text), j

    def _digits(self, s, j):
        n = len(s)
        while j < n and "0" <= s[j] <= "9":
            j += 1
        return j

    def _string(self, s, i):
        begin = i - 1
        # fast path: no escapes and no control characters before the closing quote
        j = s.find('"', i)
        if j > 0:
            chunk = s[i:j]
            if "\\" not in chunk and (not self.strict or not chunk or min(chunk) >= " "):
                return chunk, j + 1
        n = len(s)
        parts = []
        while True:
            j = i
            while j < n and s[j] != '"' and s[j] != "\\" and (s[j] >= " " or not self.strict):
                j += 1
            if j >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            if j > i:
                parts.append(s[i:j])
            c = s[j]
            if c == '"':
                return "".join(parts), j + 1
            if c != "\\":
                raise JSONDecodeError("Invalid control character at", s, j)
            if j + 1 >= n:
                raise JSONDecodeError("Unterminated string starting at", s, begin)
            c = s[j + 1]
            if c == "u":
                u, i = self._hex4(s, j + 1), j + 6
                # a high surrogate followed by an escaped low one is one character (a pair
                # needs its closing quote or more after it, as the C scanner checks)
                if 0xd800 <= u <= 0xdbff and i + 6 < n and s[i] == "\\" and s[i + 1] == "u":
                    low = self._hex4(s, i + 1)
                    if 0xdc00 <= low <= 0xdfff:
                        u = 0x10000 + ((u - 0xd800) << 10) + (low - 0xdc00)
                        i += 6
                parts.append(chr(u))
                continue
            e = _unesc.get(c)
            if e is None:
                raise JSONDecodeError("Invalid \\escape", s, j)
            parts.append(e)
            i = j + 2

    def _hex4(self, s, u):
        # u is the index of the 'u'; its four digits and at least one character after them
        # must be there
        if u + 5 >= len(s):
            raise JSONDecodeError("Invalid \\uXXXX escape", s, u)
        h = s[u + 1:u + 5]
        for c in h:
            if c not in _hex:
                raise JSONDecodeError("Invalid \\uXXXX escape", s, u)
        return int(h, 16)

    def _object(self, s, i):
        pairs = []
        i = self._skip(s, i)
        if s[i:i + 1] == "}":
            i += 1
        else:
            while True:
                if s[i:i + 1] != '"':
                    raise JSONDecodeError("Expecting property name enclosed in double quotes",
                                          s, i)
                key, i = self._string(s, i + 1)
                i = self._skip(s, i)
                if s[i:i + 1] != ":":
                    raise JSONDecodeError("Expecting ':' delimiter", s, i)
                i = self._skip(s, i + 1)
                value, i = self._value(s, i)
                pairs.append((key, value))
                i = self._skip(s, i)
                c = s[i:i + 1]
                i += 1
                if c == "}":
                    break
                if c != ",":
                    raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
                i = self._skip(s, i)
        if self.object_pairs_hook is not None:
            return self.object_pairs_hook(pairs), i
        obj = dict(pairs)
        if self.object_hook is not None:
            obj = self.object_hook(obj)
        return obj, i

    def _array(self, s, i):
        values = []
        i = self._skip(s, i)
        if s[i:i + 1] == "]":
            return values, i + 1
        while True:
            value, i = self._value(s, i)
            values.append(value)
            i = self._skip(s, i)
            c = s[i:i + 1]
            i += 1
            if c == "]":
                return values, i
            if c != ",":
                raise JSONDecodeError("Expecting ',' delimiter", s, i - 1)
            i = self._skip(s, i)


_unesc = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}


def loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None,
          parse_constant=None, object_pairs_hook=None, **kw):
    if isinstance(s, (bytes, bytearray)):
        s = s.decode("utf-8")
    elif not isinstance(s, str):
        raise TypeError("the JSON object must be str, bytes or bytearray, not %s"
                        % type(s).__name__)
    elif s.startswith("\ufeff"):
        raise JSONDecodeError("Unexpected UTF-8 BOM (decode using utf-8-sig)", s, 0)
    return (cls or JSONDecoder)(object_hook=object_hook, parse_float=parse_float,
                                parse_int=parse_int, parse_constant=parse_constant,
                                object_pairs_hook=object_pairs_hook, **kw).decode(s)


def load(fp, **kw):
    return loads(fp.read(), **kw)
