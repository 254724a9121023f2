# vbpy's asyncio: a small single-threaded event loop in the spirit of MicroPython's
# extmod/asyncio (one ready queue, one deadline-ordered sleep queue), exposing the subset of
# CPython's asyncio API that scripts commonly use.  Frozen into the interpreter (mod_frozen.c).
import time as _time



class CancelledError(BaseException):
    pass


TimeoutError = TimeoutError


class InvalidStateError(Exception):
    pass


# ---- loop state ------------------------------------------------------------------------------
_ready = []      # tasks to step, FIFO
_sleeping = []   # [deadline, seq, task], kept sorted
_seq = [0]
_current = [None]


class _Sleep:
    # the request a task yields to the loop: wake me after `delay` seconds
    def __init__(self, delay):
        self.delay = delay

    def __await__(self):
        yield self


def _now():
    return _time.monotonic()


def _schedule_sleep(task, delay):
    _seq[0] += 1
    entry = [_now() + delay, _seq[0], task]
    i = len(_sleeping)
    while i > 0 and (_sleeping[i - 1][0], _sleeping[i - 1][1]) > (entry[0], entry[1]):
        i -= 1
    _sleeping.insert(i, entry)


def _unsleep(task):
    for i, e in enumerate(_sleeping):
        if e[2] is task:
            del _sleeping[i]
            return True
    return False


class Task:
    def __init__(self, coro, name=None):
        self._coro = coro
        self._done = False
        self._result = None
        self._exc = None
        self._cancelled = False
        self._cancel_req = False
        self._waiters = []
        self._parked = False
        self._name = name or "Task-%d" % (_seq[0] + 1)
        _seq[0] += 1

    def get_name(self):
        return self._name

    def done(self):
        return self._done

    def cancelled(self):
        return self._cancelled

    def result(self):
        if not self._done:
            raise InvalidStateError("Result is not set.")
        if self._exc is not None:
            raise self._exc
        return self._result

    def exception(self):
        if not self._done:
            raise InvalidStateError("Exception is not set.")
        if self._cancelled:
            raise self._exc
        return self._exc

    def cancel(self, msg=None):
        if self._done:
            return False
        self._cancel_req = True
        if self is not _current[0]:
            # wake it so the CancelledError is thrown in at its await point
            if _unsleep(self) or self._parked:
                self._parked = False
                _ready.append(self)
        return True

    def _finish(self, result, exc, cancelled=False):
        self._done = True
        self._result = result
        self._exc = exc
        self._cancelled = cancelled
        for w in self._waiters:
            if w._parked:
                w._parked = False
                _ready.append(w)
        self._waiters = []

    def __await__(self):
        if not self._done:
            me = _current[0]
            self._waiters.append(me)
            me._parked = True
            yield None
        return self.result()

    def __repr__(self):
        return "<Task %s>" % ("done" if self._done else "pending")


def _step(task):
    _current[0] = task
    try:
        if task._cancel_req:
            task._cancel_req = False
            req = task._coro.throw(CancelledError())
        else:
            req = task._coro.send(None)
    except StopIteration as e:
        task._finish(e.value, None)
    except CancelledError as e:
        task._finish(None, e, True)
    except BaseException as e:
        task._finish(None, e)
    else:
        if isinstance(req, _Sleep):
            if req.delay <= 0:
                _ready.append(task)
            else:
                _schedule_sleep(task, req.delay)
        elif req is None:
            if not task._parked:
                _ready.append(task)
        else:
            task._finish(None, RuntimeError("Task got bad yield: %r" % (req,)))
    _current[0] = None


def _run_until_done(main):
    while not main._done:
        if _ready:
            t = _ready.pop(0)
            if not t._done:
                _step(t)
            continue
        if _sleeping:
            delay = _sleeping[0][0] - _now()
            if delay > 0:
                _time.sleep(delay)
            now = _now()
            while _sleeping and _sleeping[0][0] <= now:
                _ready.append(_sleeping.pop(0)[2])
            continue
        raise RuntimeError("Event loop stopped before Future completed.")


# ---- public API ------------------------------------------------------------------------------
async def sleep(delay, result=None):
    await _Sleep(delay)
    return result


async def sleep_ms(ms):
    await _Sleep(ms / 1000)


def create_task(coro, name=None):
    if isinstance(coro, Task):
        return coro
    t = Task(coro, name)
    _ready.append(t)
    return t


ensure_future = create_task


def current_task():
    return _current[0]


def run(main):
    task = create_task(main)
    _run_until_done(task)
    for t in list(_ready):
        if not t._done:
            t.cancel()
    _ready.clear()
    _sleeping.clear()
    return task.result()


async def gather(*aws, return_exceptions=False):
    tasks = [create_task(a) for a in aws]
    results = []
    for t in tasks:
        try:
            results.append(await t)
        except CancelledError:
            raise
        except BaseException as e:
            if not return_exceptions:
                raise
            results.append(e)
    return results


async def _cancel_after(task, timeout, fired):
    await sleep(timeout)
    fired.append(True)
    task.cancel()


async def wait_for(aw, timeout):
    task = create_task(aw)
    if timeout is None:
        return await task
    fired = []
    timer = create_task(_cancel_after(task, timeout, fired))
    try:
        return await task
    except CancelledError:
        if fired:
            raise TimeoutError()
        raise
    finally:
        timer.cancel()


wait_for_ms = lambda aw, ms: wait_for(aw, ms / 1000)


class Event:
    def __init__(self):
        self._set = False
        self._waiters = []

    def is_set(self):
        return self._set

    def set(self):
        self._set = True
        for w in self._waiters:
            if w._parked:
                w._parked = False
                _ready.append(w)
        self._waiters = []

    def clear(self):
        self._set = False

    async def wait(self):
        while not self._set:
            me = _current[0]
            self._waiters.append(me)
            me._parked = True
            await _Park()
        return True


class _Park:
    def __await__(self):
        yield None


class Lock:
    def __init__(self):
        self._locked = False
        self._waiters = []

    def locked(self):
        return self._locked

    async def acquire(self):
        while self._locked:
            me = _current[0]
            self._waiters.append(me)
            me._parked = True
            await _Park()
        self._locked = True
        return True

    def release(self):
        if not self._locked:
            raise RuntimeError("Lock is not acquired.")
        self._locked = False
        if self._waiters:
            w = self._waiters.pop(0)
            if w._parked:
                w._parked = False
                _ready.append(w)

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, et, ev, tb):
        self.release()


class QueueEmpty(Exception):
    pass


class QueueFull(Exception):
    pass


class Queue:
    def __init__(self, maxsize=0):
        self._items = []
        self._maxsize = maxsize
        self._getters = Event()
        self._putters = Event()

    def qsize(self):
        return len(self._items)

    def empty(self):
        return not self._items

    def full(self):
        return self._maxsize > 0 and len(self._items) >= self._maxsize

    def put_nowait(self, item):
        if self.full():
            raise QueueFull()
        self._items.append(item)
        self._getters.set()

    def get_nowait(self):
        if not self._items:
            raise QueueEmpty()
        item = self._items.pop(0)
        self._putters.set()
        return item

    async def put(self, item):
        while self.full():
            self._putters.clear()
            await self._putters.wait()
        self.put_nowait(item)

    async def get(self):
        while not self._items:
            self._getters.clear()
            await self._getters.wait()
        return self.get_nowait()
