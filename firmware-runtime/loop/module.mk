# loop/: the event loop (timers, ready queue, socket and UART readiness, WFI idle) -> libloop.a
include rt.mk
LOOP_SRCS := $(wildcard loop/*.c)
LOOP_OBJS := $(patsubst %.c,$(RT_OBJ)/%.o,$(LOOP_SRCS))
$(BOARD_DIR)/libloop.a: $(LOOP_OBJS)
	@mkdir -p $(dir $@)
	rm -f $@ && $(CROSS_AR) rcs $@ $^
ALL_GOALS += $(BOARD_DIR)/libloop.a
-include $(LOOP_OBJS:.o=.d)

# The loop's host tests (loop/test/) are built into the runtime test binary by net/module.mk.
