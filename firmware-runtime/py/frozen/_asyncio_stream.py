# asyncio streams, after MicroPython's extmod/asyncio/stream.py: one Stream class is both the
# reader and the writer, over a non-blocking socket whose waits go through asyncio's poll.
# Loaded by asyncio.open_connection/start_server on first use.
import asyncio as _a
import socket as _so
from errno import EAGAIN, EINPROGRESS


def _send(s, b):
    try:
        return s.send(b)
    except OSError as e:
        if e.errno != EAGAIN:
            raise
        return 0


class Stream:
    def __init__(self, s, peer=None):
        self.s = s
        self._p = peer
        self._b = b''      # read-ahead
        self._o = b''      # written, not yet sent
        self._eof = False
        self._cl = None    # None open, True closed, or the task flushing before the close

    def get_extra_info(self, k, d=None):
        if k == 'peername':
            return self._p
        if k == 'sockname':
            return self.s.getsockname()
        return self.s if k == 'socket' else d

    async def _fill(self):
        # one wait for readable, one recv into the read-ahead buffer
        if self._cl is None:
            await _a._iow(self.s, 0)
        if self._cl is not None:  # closed meanwhile by this side: end of stream
            self._eof = True
            return
        try:
            d = self.s.recv(1024)
        except OSError as e:
            if e.errno == EAGAIN:
                return
            raise
        if d:
            self._b += d
        else:
            self._eof = True

    def _take(self, n):
        r = self._b[:n]
        self._b = self._b[n:]
        return r

    async def read(self, n=-1):
        if n < 0:
            while not self._eof:
                await self._fill()
            n = len(self._b)
        while n and not self._b and not self._eof:
            await self._fill()
        return self._take(n)

    async def readinto(self, buf):
        d = await self.read(len(buf))
        buf[:len(d)] = d
        return len(d)

    async def readexactly(self, n):
        while len(self._b) < n:
            if self._eof:
                raise _a.IncompleteReadError(self._take(len(self._b)), n)
            await self._fill()
        return self._take(n)

    async def readuntil(self, sep=b'\n'):
        i = 0
        while True:
            j = self._b.find(sep, i)
            if j >= 0:
                return self._take(j + len(sep))
            if self._eof:
                raise _a.IncompleteReadError(self._take(len(self._b)), None)
            i = max(0, len(self._b) - len(sep) + 1)
            await self._fill()

    async def readline(self):
        try:
            return await self.readuntil(b'\n')
        except _a.IncompleteReadError as e:
            return e.partial

    def at_eof(self):
        return self._eof and not self._b

    def write(self, b):
        if not self._o:
            n = _send(self.s, b)
            if n == len(b):
                return
            b = b[n:]
        self._o += b

    async def drain(self):
        if not self._o:
            await _a._Y0  # always yield, so that a write+drain loop cannot starve the others
        while self._o:
            await _a._iow(self.s, 1)
            self._o = self._o[_send(self.s, self._o):]

    def is_closing(self):
        return self._cl is not None

    def close(self):
        if self._cl is None:
            if self._o:
                self._cl = _a.create_task(self._flush())
            else:
                self._cl = True
                self._shut()

    def _shut(self):
        _a._iodrop(self.s)
        self.s.close()

    async def _flush(self):
        try:
            while self._o:
                await _a._iow(self.s, 1)
                self._o = self._o[_send(self.s, self._o):]
        finally:
            self._shut()

    async def wait_closed(self):
        self.close()
        if self._cl is not True:
            await self._cl


StreamReader = StreamWriter = Stream


def _nodelay(s):
    # as CPython's asyncio does for every TCP stream: a write is sent at once rather than held
    # back (Nagle) until the peer acknowledges the previous one, which a peer that delays its
    # ACKs would turn into a 40 ms stall per request/response
    try:
        s.setsockopt(_so.IPPROTO_TCP, _so.TCP_NODELAY, 1)
    except (OSError, AttributeError):
        pass


async def open_connection(host, port):
    ai = _so.getaddrinfo(host, port, 0, _so.SOCK_STREAM)[0]
    s = _so.socket(ai[0], ai[1], ai[2])
    try:
        s.setblocking(False)
        _nodelay(s)
        try:
            s.connect(ai[-1])
        except OSError as e:
            if e.errno != EINPROGRESS:
                raise
        await _a._iow(s, 1)
        try:
            s.getpeername()
        except OSError:
            s.recv(1)  # not connected: this raises the connect's error (ECONNREFUSED, ...)
            raise
    except BaseException:
        _a._iodrop(s)
        s.close()
        raise
    st = Stream(s, ai[-1])
    return st, st


class Server:
    # a listening socket and the task accepting on it; each connection runs cb as a new task
    def __init__(self, s, cb):
        self.sockets = (s,)
        self._cb = cb
        self._closed = False
        self.task = _a.create_task(self._serve(s))

    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        self.close()
        await self.wait_closed()

    def is_serving(self):
        return not self.task.done()

    def close(self):
        self._closed = True
        self.task.cancel()

    async def wait_closed(self):
        await self.task

    serve_forever = wait_closed

    async def _serve(self, s):
        while True:
            try:
                await _a._iow(s, 0)
            except _a.CancelledError:
                s.close()
                if self._closed:  # close() was called: end quietly
                    return
                raise
            try:
                c, addr = s.accept()
            except OSError:
                continue
            c.setblocking(False)
            _nodelay(c)
            st = Stream(c, addr)
            _a.create_task(self._cb(st, st))


async def start_server(cb, host, port, backlog=5):
    ai = _so.getaddrinfo(host, port, 0, _so.SOCK_STREAM)[0]
    s = _so.socket(ai[0], _so.SOCK_STREAM)
    s.setblocking(False)
    s.setsockopt(_so.SOL_SOCKET, _so.SO_REUSEADDR, 1)
    s.bind(ai[-1])
    s.listen(backlog)
    srv = Server(s, cb)
    try:
        await _a._Y0  # let the accept task start, as CPython's create_server does
    except _a.CancelledError:
        srv.close()
        raise
    return srv
