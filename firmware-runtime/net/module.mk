# net/: the TCP/IP stack and socket API -> libnet.a for the board; the same sources are built
# for the host with the unit tests in net/test/ (make check).
include rt.mk
NET_SRCS := $(wildcard net/*.c)
NET_OBJS := $(patsubst %.c,$(RT_OBJ)/%.o,$(NET_SRCS))
$(BOARD_DIR)/libnet.a: $(NET_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(CROSS_AR) rcs $@ $^
ALL_GOALS += $(BOARD_DIR)/libnet.a
-include $(NET_OBJS:.o=.d)

# Host unit tests, one binary and one closing line for `make check`: the stack's sources with
# the in-memory link harness (net/test/), plus the event loop with test doubles for the CPU,
# clock and console (loop/test/cpu.h and systick.h shadow the board headers).
RT_TEST_CFLAGS := $(HOST_CFLAGS) -D_DEFAULT_SOURCE -Iloop/test -Iloop -Ilib -Inet -Inet/test -MMD -MP
RT_TEST_SRCS := $(NET_SRCS) $(wildcard net/test/*.c) loop/loop.c $(wildcard loop/test/*.c)
RT_TEST_OBJS := $(patsubst %.c,$(HOST_OBJ)/rt_test/%.o,$(RT_TEST_SRCS))
$(HOST_OBJ)/rt_test/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(RT_TEST_CFLAGS) -c $< -o $@
$(HOST_DIR)/rt_test: $(RT_TEST_OBJS)
	$(HOST_CC) $(HOST_CFLAGS) -o $@ $^
.PHONY: rt-check
rt-check: $(HOST_DIR)/rt_test
	$(HOST_DIR)/rt_test
ALL_GOALS += $(HOST_DIR)/rt_test
CHECK_GOALS += rt-check
-include $(RT_TEST_OBJS:.o=.d)
