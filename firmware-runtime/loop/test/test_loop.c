/* Event loop tests on the host: timers, ready queue, watches, and sleeping in WFI. */
#include <string.h>

#include "console.h"
#include "harness.h"
#include "loop.h"
#include "socket.h"

extern int fake_wfi_count, fake_wfi_unmasked;
extern uint32_t fake_console_at;

static char trace[64];
static int trace_len;

static void note(void *arg) { trace[trace_len++] = *(const char *)arg; }

static void reset(void) {
  link_setup();
  loop_init();
  trace_len = 0;
  memset(trace, 0, sizeof trace);
  fake_wfi_count = fake_wfi_unmasked = 0;
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
  while (test_now < start + 4) {
    loop_run_once(1);
  }
  loop_run_once(0);
  CHECK_EQ(trace_len, 0);
  while (test_now < start + 5) {
    loop_run_once(1);
  }
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

static void idleLoopSleepsInWfiWithInterruptsMasked(void) {
  reset();
  static struct loop_timer t;
  loop_timer_start(&t, 100, note, "t");
  loop_run();
  CHECK_EQ(trace_len, 1);
  CHECK(fake_wfi_count >= 100);
  CHECK(fake_wfi_count <= 101); /* one WFI per tick, no spinning */
  CHECK_EQ(fake_wfi_unmasked, 0);
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
    {"idleLoopSleepsInWfiWithInterruptsMasked", idleLoopSleepsInWfiWithInterruptsMasked},
    {"readyWorkIsRunWithoutSleeping", readyWorkIsRunWithoutSleeping},
    {"socketWatchIsLevelTriggeredUntilRead", socketWatchIsLevelTriggeredUntilRead},
    {"consoleInputWakesTheLoop", consoleInputWakesTheLoop},
    {"stopEndsRun", stopEndsRun},
    {0, 0},
};
