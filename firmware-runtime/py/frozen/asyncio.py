# vbpy's asyncio: MicroPython's design (extmod/asyncio: one scheduler over one select.poll,
# tasks as intrusive queue nodes, I/O waits keyed by stream) with CPython 3.11's user-visible
# ordering: each loop iteration runs the tasks ready when it started, timers are ordered by
# deadline then insertion, completion callbacks run one hop later. Time is time.ticks_ms
# (the board's virtual clock). Streams live in _asyncio_stream (imported on first use).
# Only ThreadSafeFlag.set() may be called from an interrupt-like context (it just stores an
# int): a machine.Timer or micropython.schedule callback. Such a callback ends the loop's poll
# wait early (py/README.md, "Soft interrupts"), and the loop looks at the waited flags before it
# polls again. Everything else is for tasks and the main program.
import sys
try:
    from time import ticks_ms as _ticks, ticks_diff as _tdiff, ticks_add as _tadd
except ImportError:  # CPython, for development: no wrap-around needed
    from time import monotonic as _mono
    def _ticks(): return int(_mono() * 1000)
    def _tdiff(a, b): return a - b
    def _tadd(a, b): return a + b
try:
    import select as _sel
except ImportError:
    _sel = None


class CancelledError(BaseException):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    pass


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


class IncompleteReadError(EOFError):
    def __init__(self, partial, expected):
        EOFError.__init__(self, '%d bytes read on a total of %r expected bytes' % (len(partial), expected))
        self.partial = partial
        self.expected = expected


# ---- scheduler state -------------------------------------------------------------------------
# Node states (Task, Future, _Cb): an explicit enum, one meaning each.
_RDY = 0   # linked in the ready queue
_TMR = 1   # linked in the timer list
_WT = 2    # waiting: a future pending, or a task parked on a waiter list / I/O / a future
_RUN = 3   # the task being stepped
_DONE = 4


class _Aw:
    # awaitable yielding one fixed value to the loop; iter() of a tuple allocates no frame
    def __init__(self, v):
        self._t = (v,)

    def __await__(self):
        return iter(self._t)


_PK = _Aw(0)     # "parked": the awaitable has already queued the task somewhere
_PK._t = (_PK,)
_Y0 = _Aw(None)  # bare yield: run again at the end of the ready queue (sleep(0))


def _new_state():
    global _rh, _rt, _th, _tt, _io, _tsfw, _tasks, _cur, _stop
    _rh = _rt = None   # ready queue (FIFO, linked through _nx)
    _th = _tt = None   # timer list, sorted by _key (ticks_ms deadline), FIFO among equals
    _io = {}           # id(stream) -> [reader task, writer task, stream]
    _tsfw = []         # ThreadSafeFlags with a waiting task
    _tasks = {}        # live tasks, creation order (asyncio.run cancels the leftovers)
    _cur = None
    _stop = False


_new_state()
_running = False
_tn = 0
_fds = None
if _sel:
    _poll = _sel.poll()
    _IN = _sel.POLLIN
    _OUT = _sel.POLLOUT
    try:
        _ipoll = _poll.ipoll
    except AttributeError:  # CPython: poll() reports descriptors, map them back to streams
        _fds = {}
        def _ipoll(dt): return [(_fds[f], e) for f, e in _poll.poll(dt)]
    _idle = _poll.poll     # nothing registered: sleeps dt ms (WFI on the board), -1 forever
else:
    from time import sleep_ms as _sm
    def _idle(dt): _sm(dt if dt > 0 else 1 << 29)


def _push(n):
    global _rh, _rt
    n._st = _RDY
    n._nx = None
    if _rt is None:
        _rh = n
    else:
        _rt._nx = n
    _rt = n


def _wake(n):
    # wakers only take waiting nodes: a cancelled task is already queued
    if n._st == _WT:
        _push(n)


def _tins(n, k):
    global _th, _tt
    n._key = k
    n._st = _TMR
    if _th is None:
        n._nx = None
        _th = _tt = n
    elif _tdiff(k, _tt._key) >= 0:  # the common case: same or later deadline than the last
        n._nx = None
        _tt._nx = n
        _tt = n
    elif _tdiff(k, _th._key) < 0:
        n._nx = _th
        _th = n
    else:
        p = _th
        while _tdiff(p._nx._key, k) <= 0:
            p = p._nx
        n._nx = p._nx
        p._nx = n


def _tdel(n):
    global _th, _tt
    p = None
    c = _th
    while c is not None and c is not n:
        p = c
        c = c._nx
    if c is None:
        return
    if p is None:
        _th = n._nx
    else:
        p._nx = n._nx
    if _tt is n:
        _tt = p
    n._nx = None


def _ms(t):
    return int(t * 1000 + 0.5)


# ---- futures, callbacks and tasks ------------------------------------------------------------
class _Cb:
    # a callback as a queue node: f(a) runs when the loop reaches it
    _st = _WT

    def __init__(self, f, a):
        self.f = f
        self.a = a

    def _run(self):
        self.f(self.a)


class Handle(_Cb):
    # loop.call_soon/call_later/call_at and done callbacks: f(*a), cancellable; an exception
    # goes to the loop's exception handler, as CPython's Handle._run
    _c = False

    def cancel(self):
        self._c = True
        if self._st == _TMR:
            _tdel(self)

    def cancelled(self):
        return self._c

    def _run(self):
        if self._c:
            return
        try:
            self.f(*self.a)
        except (SystemExit, KeyboardInterrupt):
            raise
        except BaseException as e:
            _loop.call_exception_handler({'message': 'Exception in callback %r' % (self.f,),
                                          'exception': e, 'handle': self})


class Future:
    _log = False
    _cx = False  # cancelled (CPython: a future finished with CancelledError is not)

    def __init__(self):
        self._st = _WT
        self._cbs = []
        self._res = self._exc = None

    def done(self):
        return self._st == _DONE

    def cancelled(self):
        return self._cx

    def result(self):
        if self._st != _DONE:
            raise InvalidStateError('Result is not set.')
        self._log = False
        if self._exc is not None:
            raise self._exc
        return self._res

    def exception(self):
        if self._st != _DONE:
            raise InvalidStateError('Exception is not set.')
        if self._cx:
            raise self._exc
        self._log = False
        return self._exc

    def _addcb(self, n):
        if self._st == _DONE:
            _push(n)
        else:
            self._cbs.append(n)

    def _rmcb(self, n):
        if self._cbs and n in self._cbs:
            self._cbs.remove(n)

    def add_done_callback(self, fn, context=None):
        self._addcb(Handle(fn, (self,)))

    def remove_done_callback(self, fn):
        k = [n for n in self._cbs or () if getattr(n, 'f', None) == fn]
        for n in k:
            self._cbs.remove(n)
        return len(k)

    def _set(self, r, e):
        self._st = _DONE
        self._res = r
        self._exc = e
        for n in self._cbs:
            _wake(n)
        self._cbs = None

    def set_result(self, r):
        if self._st == _DONE:
            raise InvalidStateError('invalid state')
        self._set(r, None)

    def set_exception(self, e):
        if self._st == _DONE:
            raise InvalidStateError('invalid state')
        self._set(None, e() if isinstance(e, type) else e)

    def cancel(self, msg=None):
        if self._st == _DONE:
            return False
        self._cx = True
        self._set(None, _cerr(msg))
        return True

    def __await__(self):
        if self._st != _DONE:
            t = _cur
            self._cbs.append(t)
            t._wait = self
            t._st = _WT
            try:
                yield _PK
            except BaseException:
                self._rmcb(t)
                raise
        return self.result()

    __iter__ = __await__


def _cerr(msg):
    return CancelledError() if msg is None else CancelledError(msg)


class Task(Future):
    _nc = 0  # cancel requests not yet uncancel()ed

    def __init__(self, coro, name=None):
        global _tn
        Future.__init__(self)
        if name is None:
            _tn += 1
            name = _tn  # formatted as 'Task-N' only when asked for: most names are never read
        else:
            name = str(name)
        self._coro = coro
        self._name = name
        self._thr = None   # exception to throw in at the next step (cancellation, bad yield)
        self._wait = None  # the future a parked task awaits: cancel() is forwarded to it
        _tasks[self] = None
        _push(self)

    def get_name(self):
        n = self._name
        return n if type(n) is str else 'Task-%d' % n

    def set_name(self, n):
        self._name = str(n)

    def get_coro(self):
        return self._coro

    def __repr__(self):
        s = ('pending', 'pending', 'pending', 'running', 'done')[self._st]
        return '<Task %s name=%r coro=%r>' % (s, self.get_name(), self._coro)

    def cancel(self, msg=None):
        # CPython: forward to the awaited future if that takes it, else throw at the next step
        if self._st == _DONE:
            return False
        self._nc += 1
        if self._st != _RUN:
            w = self._wait
            if w is not None and w.cancel(msg):
                return True
        self._thr = _cerr(msg)
        self._unpark()
        return True

    def cancelling(self):
        return self._nc

    def uncancel(self):
        if self._nc > 0:
            self._nc -= 1
        return self._nc

    def _unpark(self):
        if self._st == _TMR:
            _tdel(self)
            _push(self)
        elif self._st == _WT:  # the awaitable removes the task from its waiter list
            _push(self)

    def _run(self):
        global _cur, _rh, _rt
        if self._st == _DONE:  # queued again after an exception: still nobody retrieved it?
            if self._log:
                self._log = False
                _loop.call_exception_handler({'message': "Task exception wasn't retrieved",
                                              'exception': self._exc, 'future': self})
            return
        _cur = self
        self._st = _RUN
        self._wait = None
        e = self._thr
        try:
            if e is None:
                r = self._coro.send(None)
            else:
                self._thr = None
                r = self._coro.throw(e)
        except StopIteration as x:
            _cur = None
            if self._thr is None:
                self._fin(x.value, None)
            else:  # it cancelled itself and returned before awaiting: cancelled (CPython)
                self._fin(None, self._thr)
            return
        except BaseException as x:
            _cur = None
            self._fin(None, x)
            if isinstance(x, (KeyboardInterrupt, SystemExit)):
                raise
            return
        _cur = None
        if r is None:  # bare yield: back to the end of the ready queue (_push, inlined: hot)
            self._st = _RDY
            self._nx = None
            if _rt is None:
                _rh = self
            else:
                _rt._nx = self
            _rt = self
        elif r is not _PK:
            self._thr = RuntimeError('Task got bad yield: %r' % (r,))
            _push(self)
        elif self._thr is not None:  # it cancelled itself while running
            w = self._wait
            if w is not None and w.cancel():
                self._thr = None
            else:
                self._unpark()

    def _fin(self, r, e):
        _tasks.pop(self, None)
        self._cx = isinstance(e, CancelledError)
        log = e is not None and not self._cbs and not self._cx
        self._set(r, e)
        if log:  # MicroPython: report it when it comes round, unless awaited by then
            self._log = True
            _push(self)
            self._st = _DONE


def _mktask(coro, name):
    if not hasattr(coro, 'send'):
        if not hasattr(coro, '__await__'):  # sleep() objects are awaitables, not coroutines
            raise TypeError('a coroutine was expected, got %r' % (coro,))
        coro = _await(coro)
    return Task(coro, name)


def create_task(coro, name=None):
    # CPython 3.11 names the task after creating it: a named task still uses up a number
    t = _mktask(coro, None)
    if name is not None:
        t._name = str(name)
    return t


async def _await(a):
    return await a


def ensure_future(a):
    return a if isinstance(a, Future) else create_task(a)


def current_task():
    if _cur is None and not _running:
        raise RuntimeError('no running event loop')
    return _cur


def all_tasks():
    return set(_tasks)


# ---- sleeping --------------------------------------------------------------------------------
class _Sl(list):
    # what sleep() returns: [delay ms, result]. Not a coroutine: a small list instead of a
    # frame per sleep. The deadline is taken when awaited, as CPython's.
    def __await__(self):
        if self[0] > 0:
            _tins(_cur, _tadd(_ticks(), self[0]))
            return iter(_PK._t) if self[1] is None else self._r(_PK)
        return iter(_Y0._t) if self[1] is None else self._r(None)

    def _r(self, v):
        yield v
        return self[1]


def sleep_ms(t, result=None):
    return _Sl((int(t), result)) if t > 0 or result is not None else _Y0


def sleep(t, result=None):
    return _Sl((int(t * 1000 + 0.5), result)) if t > 0 or result is not None else _Y0


# ---- the loop --------------------------------------------------------------------------------
def _runloop():
    # the loop, until stop(): one poll (or idle sleep), expired timers, then one batch
    global _rh, _rt, _th, _tt
    while not _stop:
        if _tsfw:
            _tsfchk()
        if _rh is not None:
            dt = 0
        elif _th is not None:
            dt = _tdiff(_th._key, _ticks())
            if dt < 0:
                dt = 0
        else:
            dt = -1
        if _io:
            _iowait(dt)
        elif dt:
            _idle(dt)  # only sleeping: one poll with a timeout (WFI on the board), never a spin
        if _th is not None:
            now = _ticks()
            while _th is not None and _tdiff(_th._key, now) <= 0:  # due timers: _push, inlined
                n = _th
                _th = n._nx
                n._st = _RDY
                n._nx = None
                if _rt is None:
                    _rh = n
                else:
                    _rt._nx = n
                _rt = n
            if _th is None:
                _tt = None
        last = _rt  # run only what is ready now; what this queues runs next iteration
        while last is not None:
            n = _rh
            _rh = n._nx
            if _rh is None:
                _rt = None
            n._run()
            if n is last:
                break


def _iowait(dt):
    for s, ev in _ipoll(dt):
        k = id(s)
        e = _io.get(k)
        if e is None:  # left over from a closed loop: stop watching it
            _poll.unregister(s)
            continue
        if ev & ~_OUT and e[0] is not None:
            _wake(e[0])
            e[0] = None
        if ev & ~_IN and e[1] is not None:
            _wake(e[1])
            e[1] = None
        _iofix(k, e)


def _iofix(k, e):
    # re-arm a registration after its waiters changed, or drop it
    if e[0] is None and e[1] is None:
        if _io.pop(k, None) is not None:
            _poll.unregister(e[2])
    else:
        _poll.modify(e[2], (_IN if e[0] is not None else 0) | (_OUT if e[1] is not None else 0))


async def _iow(s, i):
    # park the current task until stream s is readable (i=0) or writable (i=1)
    t = _cur
    k = id(s)
    e = _io.get(k)
    if e is None:
        e = _io[k] = [None, None, s]
        e[i] = t
        _poll.register(s, _OUT if i else _IN)
        if _fds is not None:
            _fds[s.fileno()] = s
    else:
        e[i] = t
        _iofix(k, e)
    t._st = _WT
    try:
        await _PK
    except BaseException:
        if e[i] is t:
            e[i] = None
            _iofix(k, e)
        raise


def _iodrop(s):
    # a stream is closing: forget its registration, wake its waiters
    e = _io.pop(id(s), None)
    if e is not None:
        _poll.unregister(s)
        for i in (0, 1):
            if e[i] is not None:
                _wake(e[i])
                e[i] = None


def _stopcb(f):
    global _stop
    _stop = True


class Loop:
    _eh = None

    def time(self):
        return _ticks() / 1000

    def call_soon(self, f, *a, context=None):
        h = Handle(f, a)
        _push(h)
        return h

    # no threads here: the same as call_soon (an interrupt callback must use ThreadSafeFlag)
    call_soon_threadsafe = call_soon

    def call_later(self, d, f, *a, context=None):
        h = Handle(f, a)
        _tins(h, _tadd(_ticks(), _ms(d)))
        return h

    def call_at(self, w, f, *a, context=None):
        return self.call_later(w - self.time(), f, *a)

    def create_task(self, coro, name=None):
        return _mktask(coro, name)

    def create_future(self):
        return Future()

    def is_running(self):
        return _running

    def run_forever(self):
        global _running, _stop
        if _running:
            raise RuntimeError('This event loop is already running')
        _running = True
        _stop = False
        try:
            _runloop()
        finally:
            _running = _stop = False

    def run_until_complete(self, aw):
        t = ensure_future(aw)
        t._addcb(_Cb(_stopcb, t))  # as CPython: stop one hop after t is done
        self.run_forever()
        if not t.done():
            raise RuntimeError('Event loop stopped before Future completed.')
        return t.result()

    def stop(self):
        global _stop
        _stop = True

    def close(self):
        if _running:
            raise RuntimeError('Cannot close a running event loop')
        _new_state()

    def set_exception_handler(self, h):
        Loop._eh = h

    def get_exception_handler(self):
        return Loop._eh

    def default_exception_handler(self, c):
        print(c['message'], file=sys.stderr)
        f = c.get('future') or c.get('task')
        if f is not None:
            print('future:', f, file=sys.stderr)
        e = c.get('exception')
        if e is not None:
            p = getattr(sys, 'print_exception', None)
            if p:
                p(e, sys.stderr)
            else:
                print(repr(e), file=sys.stderr)

    def call_exception_handler(self, c):
        h = Loop._eh
        if h is None:
            self.default_exception_handler(c)
        else:
            h(self, c)


_loop = Loop()


def get_event_loop(runq_len=0, waitq_len=0):
    return _loop


def get_running_loop():
    if not _running:
        raise RuntimeError('no running event loop')
    return _loop


def new_event_loop():
    _new_state()
    return _loop


def set_event_loop(l):
    pass


def run(main, debug=None):
    if _running:
        raise RuntimeError('asyncio.run() cannot be called from a running event loop')
    try:
        return _loop.run_until_complete(main)
    finally:
        # CPython: cancel what is left, let it finish, report its exceptions, drop the loop
        ts = [t for t in _tasks if not t.done()]
        if ts:
            for t in ts:
                t.cancel()
            _loop.run_until_complete(gather(*ts, return_exceptions=True))
            for t in ts:
                if not t.cancelled() and t.exception() is not None:
                    _loop.call_exception_handler({'message': 'unhandled exception during asyncio.run() shutdown',
                                                  'exception': t.exception(), 'task': t})
        _new_state()


# ---- gather, wait_for ------------------------------------------------------------------------
class _Gather(Future):
    # CPython's _GatheringFuture: done when every child is, or at a child's first exception
    def __init__(self, ch, rex):
        Future.__init__(self)
        self._ch = ch
        self._n = len(ch)
        self._rex = rex
        self._cr = False
        for t in ch:
            t._addcb(_Cb(self._done, t))

    def cancel(self, msg=None):
        if self._st == _DONE:
            return False
        r = False
        for t in self._ch:
            if t.cancel(msg):
                r = True
        if r:
            self._cr = True
        return r

    def _done(self, t):
        self._n -= 1
        if self._st == _DONE:
            if not t.cancelled():
                t._log = False
            return
        if not self._rex:
            if t.cancelled():
                self._set(None, CancelledError())
                return
            e = t.exception()
            if e is not None:
                self._set(None, e)
                return
        if self._n == 0:
            r = []
            for c in self._ch:
                if c.cancelled():
                    x = CancelledError()
                else:
                    x = c.exception()
                    if x is None:
                        x = c._res
                r.append(x)
            if self._cr:
                self._set(None, CancelledError())
            else:
                self._set(r, None)


def gather(*aws, return_exceptions=False):
    g = _Gather([ensure_future(a) for a in aws], return_exceptions)
    if not aws:
        g._set([], None)
    return g


def _rel(w):
    if w._st != _DONE:
        w._set(None, None)


async def _cwait(f):
    # cancel f and wait until it is done (CPython's _cancel_and_wait)
    w = Future()
    n = _Cb(_rel, w)
    f._addcb(n)
    try:
        f.cancel()
        await w
    finally:
        f._rmcb(n)


async def _wf(aw, ms):
    t = ensure_future(aw)
    if ms is None:
        return await t
    if ms <= 0:
        if t.done():
            return t.result()
        await _cwait(t)
        try:
            return t.result()
        except CancelledError as e:
            raise TimeoutError from e
    w = Future()
    h = _Cb(_rel, w)
    n = _Cb(_rel, w)
    _tins(h, _tadd(_ticks(), ms))
    t._addcb(n)
    try:
        try:
            await w
        except CancelledError:
            if t.done():
                return t.result()
            t._rmcb(n)
            await _cwait(t)
            raise
        if t.done():
            return t.result()
        t._rmcb(n)
        await _cwait(t)
        try:
            return t.result()
        except CancelledError as e:
            raise TimeoutError from e
    finally:
        if h._st == _TMR:
            _tdel(h)


def wait_for(aw, timeout):
    return _wf(aw, None if timeout is None else _ms(timeout))


def wait_for_ms(aw, timeout):
    return _wf(aw, timeout)


# ---- synchronisation -------------------------------------------------------------------------
async def _qwait(l):
    # park the current task on waiter list l until a waker takes it off (or it is cancelled)
    t = _cur
    l.append(t)
    t._st = _WT
    try:
        await _PK
    except BaseException:
        if t in l:
            l.remove(t)
        raise


def _wake1(l):
    while l:
        t = l.pop(0)
        if t._st == _WT:
            _push(t)
            return


class Event:
    def __init__(self):
        self._s = False
        self._w = []

    def is_set(self):
        return self._s

    def set(self):
        if not self._s:
            self._s = True
            for t in self._w:
                _wake(t)
            self._w = []

    def clear(self):
        self._s = False

    async def wait(self):
        if not self._s:  # _qwait inlined: one coroutine frame less per wait
            t = _cur
            self._w.append(t)
            t._st = _WT
            try:
                await _PK
            except BaseException:
                if t in self._w:
                    self._w.remove(t)
                raise
        return True


class ThreadSafeFlag:
    # set() only stores an int: no allocation, callable from anywhere (an interrupt callback,
    # another task, outside the loop). The loop looks at waited flags before each poll.
    def __init__(self):
        self._s = 0
        self._t = None

    def set(self):
        self._s = 1

    def clear(self):
        self._s = 0

    async def wait(self):
        if not self._s:
            t = self._t = _cur
            _tsfw.append(self)
            t._st = _WT
            try:
                await _PK
            except BaseException:
                if self in _tsfw:
                    _tsfw.remove(self)
                self._t = None
                raise
        self._s = 0


def _tsfchk():
    i = 0
    while i < len(_tsfw):
        f = _tsfw[i]
        if f._s:
            del _tsfw[i]
            _wake(f._t)
            f._t = None
        else:
            i += 1


class Lock:
    # CPython 3.11: FIFO; a woken waiter stays first in line until it runs and takes the lock
    def __init__(self):
        self._l = False
        self._w = []

    def locked(self):
        return self._l

    async def acquire(self):
        if not self._l and not self._w:
            self._l = True
            return True
        t = _cur
        self._w.append(t)
        t._st = _WT
        try:
            await _PK
        except BaseException:
            self._w.remove(t)
            if not self._l:
                self._wk()
            raise
        self._w.remove(t)
        self._l = True
        return True

    def release(self):
        if not self._l:
            raise RuntimeError('Lock is not acquired.')
        self._l = False
        self._wk()

    def _wk(self):
        if self._w:
            _wake(self._w[0])

    async def __aenter__(self):
        await self.acquire()

    async def __aexit__(self, *a):
        self.release()


class Queue:
    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._q = []
        self._g = []
        self._p = []
        self._u = 0
        self._f = Event()
        self._f.set()

    def qsize(self):
        return len(self._q)

    def empty(self):
        return not self._q

    def full(self):
        return 0 < self.maxsize <= len(self._q)

    async def put(self, x):
        while self.full():
            try:
                await _qwait(self._p)
            except BaseException:
                if not self.full():
                    _wake1(self._p)
                raise
        self.put_nowait(x)

    def put_nowait(self, x):
        if self.full():
            raise QueueFull
        self._q.append(x)
        self._u += 1
        self._f.clear()
        _wake1(self._g)

    async def get(self):
        while not self._q:
            try:
                await _qwait(self._g)
            except BaseException:
                if self._q:
                    _wake1(self._g)
                raise
        return self.get_nowait()

    def get_nowait(self):
        if not self._q:
            raise QueueEmpty
        x = self._q.pop(0)
        _wake1(self._p)
        return x

    def task_done(self):
        if self._u <= 0:
            raise ValueError('task_done() called too many times')
        self._u -= 1
        if not self._u:
            self._f.set()

    async def join(self):
        if self._u:
            await self._f.wait()


class Semaphore:
    # CPython 3.11: FIFO waiters as futures; a woken waiter holds its unit until it runs
    def __init__(self, value=1):
        if value < 0:
            raise ValueError('Semaphore initial value must be >= 0')
        self._v = value
        self._w = []

    def locked(self):
        for f in self._w:
            if not f.cancelled():
                return True
        return self._v == 0

    async def acquire(self):
        if not self.locked():
            self._v -= 1
            return True
        f = Future()
        self._w.append(f)
        try:
            try:
                await f
            finally:
                self._w.remove(f)
        except CancelledError:
            if not f.cancelled():  # woken, then cancelled before it ran: pass the unit on
                self._v += 1
                self._wk()
            raise
        if self._v > 0:
            self._wk()
        return True

    def release(self):
        self._v += 1
        self._wk()

    def _wk(self):
        for f in self._w:
            if not f.done():
                self._v -= 1
                f.set_result(True)
                return

    __aenter__ = Lock.__aenter__
    __aexit__ = Lock.__aexit__


class BoundedSemaphore(Semaphore):
    def __init__(self, value=1):
        self._b = value
        Semaphore.__init__(self, value)

    def release(self):
        if self._v >= self._b:
            raise ValueError('BoundedSemaphore released too many times')
        Semaphore.release(self)


# ---- wait, as_completed, shield, timeout -----------------------------------------------------
FIRST_COMPLETED = 'FIRST_COMPLETED'
FIRST_EXCEPTION = 'FIRST_EXCEPTION'
ALL_COMPLETED = 'ALL_COMPLETED'


def _futs(fs):
    if isinstance(fs, Future) or iscoroutine(fs):
        raise TypeError('expect a list of futures, not %s' % type(fs).__name__)
    return {ensure_future(f) for f in set(fs)}


async def wait(fs, *, timeout=None, return_when=ALL_COMPLETED):
    fs = _futs(fs)
    if not fs:
        raise ValueError('Set of Tasks/Futures is empty.')
    if return_when not in (FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED):
        raise ValueError('Invalid return_when value: %s' % return_when)
    w = Future()
    n = [len(fs)]

    def cb(f):
        n[0] -= 1
        if n[0] <= 0 or return_when == FIRST_COMPLETED or (
                return_when == FIRST_EXCEPTION and not f.cancelled() and f.exception() is not None):
            _rel(w)
    h = None if timeout is None else _loop.call_later(timeout, _rel, w)
    for f in fs:
        f.add_done_callback(cb)
    try:
        await w
    finally:
        if h:
            h.cancel()
        for f in fs:
            f.remove_done_callback(cb)
    d = set()
    p = set()
    for f in fs:
        (d if f.done() else p).add(f)
    return d, p


def as_completed(fs, *, timeout=None):
    # CPython 3.11: a generator of coroutines, each awaiting the next future to finish
    todo = _futs(fs)
    q = Queue()
    h = None

    def oc(f):
        if todo:
            todo.remove(f)
            q.put_nowait(f)
            if not todo and h:
                h.cancel()

    def ot():
        for f in todo:
            f.remove_done_callback(oc)
        q.put_nowait(None)
        todo.clear()

    async def one():
        f = await q.get()
        if f is None:
            raise TimeoutError
        return f.result()
    for f in todo:
        f.add_done_callback(oc)
    if todo and timeout is not None:
        h = _loop.call_later(timeout, ot)
    for _ in range(len(todo)):
        yield one()


def shield(a):
    i = ensure_future(a)
    if i.done():
        return i
    o = Future()

    def idone(i):
        if o.cancelled():
            if not i.cancelled():
                i.exception()  # retrieved: no "never retrieved" report
        elif i.cancelled():
            o.cancel()
        else:
            e = i.exception()
            if e is None:
                o.set_result(i._res)
            else:
                o.set_exception(e)

    def odone(o):
        if not i.done():
            i.remove_done_callback(idone)
    i.add_done_callback(idone)
    o.add_done_callback(odone)
    return o


class Timeout:
    # CPython 3.11's asyncio.timeout(): cancel the task at the deadline, turn that one
    # cancellation into TimeoutError on exit. States: 0 created, 1 entered, 2 expiring,
    # 3 expired, 4 exited
    def __init__(self, when):
        self._w = when
        self._s = 0
        self._h = None

    def when(self):
        return self._w

    def expired(self):
        return self._s in (2, 3)

    def reschedule(self, when):
        if self._s != 1:
            raise RuntimeError('Cannot change state of Timeout')
        self._w = when
        if self._h:
            self._h.cancel()
        self._h = None if when is None else (_loop.call_soon(self._on) if when <= _loop.time() else _loop.call_at(when, self._on))

    async def __aenter__(self):
        self._s = 1
        self._t = current_task()
        if self._t is None:
            raise RuntimeError('Timeout should be used inside a task')
        self.reschedule(self._w)
        return self

    async def __aexit__(self, et, e, tb):
        if self._h:
            self._h.cancel()
            self._h = None
        if self._s == 2:
            self._s = 3
            if self._t.uncancel() == 0 and et is CancelledError:
                raise TimeoutError
        elif self._s == 1:
            self._s = 4

    def _on(self):
        self._t.cancel()
        self._s = 2
        self._h = None


def timeout(delay):
    return Timeout(None if delay is None else _loop.time() + delay)


timeout_at = Timeout


def iscoroutine(o):
    return isinstance(o, _CT)


def iscoroutinefunction(f):
    # CO_COROUTINE, as inspect.iscoroutinefunction tests it
    return bool(getattr(getattr(f, "__code__", None), "co_flags", 0) & 0x80)


def isfuture(o):
    return isinstance(o, Future)


_CT = _await(None)
_CT.close()
_CT = type(_CT)


# ---- streams (in _asyncio_stream, loaded on first use) ---------------------------------------
async def open_connection(host, port):
    import _asyncio_stream
    return await _asyncio_stream.open_connection(host, port)


async def start_server(cb, host, port, backlog=5):
    import _asyncio_stream
    return await _asyncio_stream.start_server(cb, host, port, backlog)


def __getattr__(n):
    # the stream classes come with their module, on first use
    if n in ('Stream', 'StreamReader', 'StreamWriter', 'Server'):
        import _asyncio_stream
        return getattr(_asyncio_stream, n)
    raise AttributeError("module 'asyncio' has no attribute '%s'" % n)
