# vbpy's traceback (frozen): printing and formatting exceptions, following CPython 3.10+'s
# traceback module (print_exception(exc) as well as the old (type, value, tb) form).  The text
# comes from the VM's sys.print_exception, which already writes CPython's layout (frames,
# source lines, chained causes and contexts); the VM has no traceback or frame objects, so
# limit is ignored and the tb / stack functions have nothing to walk.
import sys

_sentinel = object()
_chain_seps = ("\nThe above exception was the direct cause of the following exception:\n\n",
               "\nDuring handling of the above exception, another exception occurred:\n\n")


class _Lines:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)


def _value(exc, value):
    # print_exception(exc) or the old print_exception(type, value, tb)
    return exc if value is _sentinel else value


def _text(e, chain=True):
    if e is None:
        return "NoneType: None\n"
    out = _Lines()
    sys.print_exception(e, out)
    text = "".join(out.parts)
    if not chain:
        for sep in _chain_seps:
            i = text.rfind(sep)
            if i >= 0:
                text = text[i + len(sep):]
    return text


def format_exception_only(exc, /, value=_sentinel):
    e = _value(exc, value)
    if e is None:
        return ["NoneType: None\n"]
    t = type(e)
    name = t.__qualname__
    if t.__module__ not in ("__main__", "builtins"):
        name = t.__module__ + "." + name
    try:
        msg = str(e)
    except Exception:
        msg = "<exception str() failed>"
    return [name + (": " + msg if msg else "") + "\n"]


def format_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, chain=True):
    # CPython's list: one string per header, per frame (with its source line) and per message
    items = []
    for line in _text(_value(exc, value), chain).splitlines(True):
        if items and line.startswith("    ") and items[-1].startswith("  File "):
            items[-1] += line
        else:
            items.append(line)
    return items


def print_exception(exc, /, value=_sentinel, tb=_sentinel, limit=None, file=None, chain=True):
    (file or sys.stderr).write(_text(_value(exc, value), chain))


def format_exc(limit=None, chain=True):
    return _text(sys.exc_info()[1], chain)


def print_exc(limit=None, file=None, chain=True):
    (file or sys.stderr).write(format_exc(limit, chain))


def print_last(limit=None, file=None, chain=True):
    print_exception(getattr(sys, "last_value", None), limit=limit, file=file, chain=chain)


def format_tb(tb, limit=None):
    return []


def extract_tb(tb, limit=None):
    return []


def format_stack(f=None, limit=None):
    return []


def extract_stack(f=None, limit=None):
    return []


def print_tb(tb, limit=None, file=None):
    pass


def print_stack(f=None, limit=None, file=None):
    pass
