/* Event loop tests on the host: timers, ready queue, watches, and sleeping in WFI. */
#include <string.h>

#include "console.h"
#include "harness.h"
#include "loop.h"
#include "rt_timebase.h"
#include "socket.h"

extern int fake_wfi_count, fake_wfi_unmasked;
extern int fake_alarm_armed, fake_alarm_arms, fake_never_arms, fake_net_running;
extern uint32_t fake_alarm_at, fake_console_at;

static char trace[64];
static int trace_len;

static void note(void *arg) { trace[trace_len++] = *(const char *)arg; }
static void on_console(int fd, short revents, void *arg);

static void reset(void) {
  link_setup();
  loop_init();
  trace_len = 0;
  memset(trace, 0, sizeof trace);
  fake_wfi_count = fake_wfi_unmasked = 0;
  fake_alarm_armed = fake_alarm_arms = fake_never_arms = 0;
  fake_net_running = 1;
  fake_console_at = 0xFFFFFFFFu;
}

static void timersFireInDeadlineOrderWithTiesInInsertionOrder(void) {
  reset();
  static struct loop_timer a, b, c, d;
  loop_timer_start(&a, 30, note, "a");
  loop_timer_start(&b, 10, note, "b");
  loop_timer_start(&c, 30, note, "c");
  loop_timer_start(&d, 20, note, "d");
  loop_run();
  CHECK(strcmp(trace, "bdac") == 0);
}

static void timerFiresAtItsDeadlineNotBefore(void) {
  reset();
  static struct loop_timer t;
  uint32_t start = test_now;
  loop_timer_start(&t, 5, note, "t");
  test_now = start + 4;
  loop_run_once(0);
  CHECK_EQ(trace_len, 0);
  loop_run_once(1); /* sleeps until the alarm at the deadline */
  CHECK_EQ(test_now, start + 5);
  CHECK_EQ(trace_len, 0);
  loop_run_once(0);
  CHECK_EQ(trace_len, 1);
}

static void cancelledTimerNeverFires(void) {
  reset();
  static struct loop_timer t, u;
  loop_timer_start(&t, 5, note, "t");
  loop_timer_start(&u, 10, note, "u");
  loop_timer_cancel(&t);
  loop_run();
  CHECK(strcmp(trace, "u") == 0);
}

static int requeues;
static void requeue(void *arg) {
  note(arg);
  if (++requeues < 50) {
    loop_call_soon(requeue, arg);
  }
}

static void selfRequeueingCallbackDoesNotStarveTimers(void) {
  reset();
  requeues = 0;
  static struct loop_timer t;
  loop_timer_start(&t, 0, note, "T");
  loop_call_soon(requeue, "r");
  loop_run_once(1);
  loop_run_once(1);
  CHECK(strchr(trace, 'T') != NULL);
  CHECK(trace_len <= 3); /* one requeued callback per iteration, plus the timer */
}

static void idleLoopSleepsOnceUntilTheDeadlineWithInterruptsMasked(void) {
  reset();
  static struct loop_timer t;
  uint32_t start = test_now;
  loop_timer_start(&t, 100, note, "t");
  loop_run();
  CHECK_EQ(trace_len, 1);
  CHECK_EQ(test_now, start + 100);
  CHECK_EQ(fake_wfi_count, 1); /* tickless: one wake-up, not one per millisecond */
  CHECK_EQ(fake_wfi_unmasked, 0);
}

static void idlePathArmsTheAlarmForTheEarliestDeadline(void) {
  reset();
  static struct loop_timer a, b;
  uint32_t start = test_now;
  loop_timer_start(&a, 300, note, "a");
  loop_timer_start(&b, 120, note, "b");
  CHECK(net_time_before(start + 120, net_poll_at(start))); /* the stack has nothing sooner */
  loop_run_once(1);
  CHECK_EQ(fake_alarm_arms, 1);
  CHECK_EQ(fake_alarm_at, start + 120);
  CHECK_EQ(fake_never_arms, 0);
  loop_run();
  CHECK(strcmp(trace, "ba") == 0);
  CHECK_EQ(fake_alarm_at, start + 300);
}

static void idlePathArmsTheStackDeadlineWhenItIsSooner(void) {
  reset();
  static struct loop_timer t;
  uint32_t start = test_now;
  uint32_t net_at = net_poll_at(start);
  loop_timer_start(&t, net_at - start + 1000, note, "t");
  loop_run_once(1);
  CHECK_EQ(fake_alarm_at, net_at);
  loop_timer_cancel(&t);
}

static void noTimersMeansNoAlarmOnlyInterruptsWake(void) {
  reset();
  fake_net_running = 0;
  uint32_t start = test_now;
  fake_console_at = start + 500000; /* beyond any tick: only the UART interrupt ends it */
  loop_watch(LOOP_FD_CONSOLE, NET_POLLIN, on_console, NULL);
  loop_run();
  CHECK(strcmp(trace, "c") == 0);
  CHECK_EQ(fake_alarm_arms, 0);
  CHECK(fake_never_arms >= 1);
  /* The counter's wrap interrupts (every 171.8 s) are the only other wake-ups. */
  CHECK_EQ(fake_wfi_count, 1 + (int)(500000 / FAKE_COUNTER_WRAP_MS));
  CHECK_EQ(test_now, fake_console_at);
}

static void ticksStayMonotonicAcrossALongSleep(void) {
  reset();
  static struct loop_timer t;
  uint32_t start = test_now;
  loop_timer_start(&t, 3600000u, note, "h"); /* asyncio.sleep(3600) */
  uint32_t last = rt_ticks_ms();
  int backwards = 0;
  while (trace_len == 0) {
    loop_run_once(1);
    uint32_t now = rt_ticks_ms();
    backwards += net_time_before(now, last);
    last = now;
  }
  CHECK_EQ(backwards, 0);
  CHECK_EQ(test_now, start + 3600000u);
  CHECK(fake_wfi_count <= 4); /* the stack's far-future poll (1 h) may add one */
}

static void readyWorkIsRunWithoutSleeping(void) {
  reset();
  loop_call_soon(note, "x");
  loop_call_soon(note, "y");
  loop_run();
  CHECK(strcmp(trace, "xy") == 0);
  CHECK_EQ(fake_wfi_count, 0);
}

static int io_calls;
static short io_revents;
static void on_io(int fd, short revents, void *arg) {
  (void)arg;
  io_calls++;
  io_revents = revents;
  char buf[32];
  if (io_calls == 2) {
    net_recv(fd, buf, sizeof buf); /* level-triggered: ready again until read */
    loop_unwatch(fd);
  }
}

static void socketWatchIsLevelTriggeredUntilRead(void) {
  reset();
  io_calls = 0;
  int fd = net_socket(NET_SOCK_DGRAM);
  struct net_sockaddr local = {0, 7000};
  net_bind(fd, &local);
  loop_watch(fd, NET_POLLIN, on_io, NULL);
  loop_run_once(0);
  CHECK_EQ(io_calls, 0);
  inject_udp(PEER_IP, MY_IP, 9, 7000, "d", 1);
  loop_run_once(0);
  CHECK_EQ(io_calls, 1);
  CHECK_EQ(io_revents, NET_POLLIN);
  loop_run_once(0);
  CHECK_EQ(io_calls, 2);
  loop_run_once(0);
  CHECK_EQ(io_calls, 2);
  net_close(fd);
}

static void on_console(int fd, short revents, void *arg) {
  (void)revents;
  (void)arg;
  char c;
  rt_console_read(&c, 1);
  note("c");
  loop_unwatch(fd);
}

static void consoleInputWakesTheLoop(void) {
  reset();
  fake_console_at = test_now + 25;
  loop_watch(LOOP_FD_CONSOLE, NET_POLLIN, on_console, NULL);
  loop_run();
  CHECK(strcmp(trace, "c") == 0);
  CHECK_EQ(test_now, fake_console_at);
}

static void stopEndsRun(void) {
  reset();
  static struct loop_timer t, u;
  loop_timer_start(&t, 5, (loop_cb)loop_stop, NULL);
  loop_timer_start(&u, 50, note, "u");
  loop_run();
  CHECK_EQ(trace_len, 0);
  loop_timer_cancel(&u);
}

const struct test_case loop_tests[] = {
    {"timersFireInDeadlineOrderWithTiesInInsertionOrder", timersFireInDeadlineOrderWithTiesInInsertionOrder},
    {"timerFiresAtItsDeadlineNotBefore", timerFiresAtItsDeadlineNotBefore},
    {"cancelledTimerNeverFires", cancelledTimerNeverFires},
    {"selfRequeueingCallbackDoesNotStarveTimers", selfRequeueingCallbackDoesNotStarveTimers},
    {"idleLoopSleepsOnceUntilTheDeadlineWithInterruptsMasked", idleLoopSleepsOnceUntilTheDeadlineWithInterruptsMasked},
    {"idlePathArmsTheAlarmForTheEarliestDeadline", idlePathArmsTheAlarmForTheEarliestDeadline},
    {"idlePathArmsTheStackDeadlineWhenItIsSooner", idlePathArmsTheStackDeadlineWhenItIsSooner},
    {"noTimersMeansNoAlarmOnlyInterruptsWake", noTimersMeansNoAlarmOnlyInterruptsWake},
    {"ticksStayMonotonicAcrossALongSleep", ticksStayMonotonicAcrossALongSleep},
    {"readyWorkIsRunWithoutSleeping", readyWorkIsRunWithoutSleeping},
    {"socketWatchIsLevelTriggeredUntilRead", socketWatchIsLevelTriggeredUntilRead},
    {"consoleInputWakesTheLoop", consoleInputWakesTheLoop},
    {"stopEndsRun", stopEndsRun},
    {0, 0},
};
