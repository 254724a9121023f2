# machine.Timer on the host: soft timers driven by SIGALRM. Wall-clock timing is noisy on a
# shared machine, so this checks what must hold whatever the load (counts within a range,
# order, arguments); the board test checks exact times on the virtual clock.
import machine
import time

print(machine.Timer.ONE_SHOT, machine.Timer.PERIODIC)

# periodic: about one call per period, none after deinit
calls = []
t = machine.Timer(-1, mode=machine.Timer.PERIODIC, period=40, callback=calls.append)
print(t)
time.sleep(0.3)
t.deinit()
n = len(calls)
print('periodic calls in range', 4 <= n <= 8, 'with the timer', all(c is t for c in calls))
time.sleep(0.1)
print('none after deinit', len(calls) == n)

# one-shot: exactly once
once = []
machine.Timer(mode=machine.Timer.ONE_SHOT, period=20, callback=lambda tm: once.append(1))
time.sleep(0.15)
print('one-shot calls', len(once))

# freq in Hz, and re-init replaces the previous schedule
hz = []
t = machine.Timer()
t.init(mode=machine.Timer.PERIODIC, freq=50, callback=hz.append)
print(t)
time.sleep(0.1)
t.init(mode=machine.Timer.ONE_SHOT, period=10, callback=hz.append)
time.sleep(0.1)
k = len(hz)
time.sleep(0.1)
print('re-init to one-shot stops', len(hz) == k)
t.deinit()
t.deinit()  # idempotent

# a callback's exception is reported (on stderr) and the program goes on
def bad(tm):
    raise ValueError('boom')
machine.Timer(mode=machine.Timer.ONE_SHOT, period=5, callback=bad)
time.sleep(0.05)
print('still running')

# a timer ends a busy loop: callbacks run between bytecodes, not only in sleeps
flag = []
machine.Timer(mode=machine.Timer.ONE_SHOT, period=20, callback=flag.append)
spins = 0
while not flag:
    spins += 1
print('busy loop ended by the timer', spins > 0)

# bad arguments
for kw in ({'mode': 7, 'period': 10}, {'freq': 0}, {'period': 10, 'tick_hz': 0}, {'bogus': 1}, {}):
    try:
        machine.Timer().init(**kw)
        print('accepted', kw)
    except (ValueError, TypeError) as e:
        print(type(e).__name__)
try:
    machine.Timer(1, 2)
except TypeError:
    print('TypeError')

# machine.idle returns (at most a tick later)
machine.idle()
print('idle returned')
