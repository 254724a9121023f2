# drivers/: the portable device drivers the board selects (BOARD_DRIVERS) -> libdrivers.a
include rt.mk
DRIVER_OBJS := $(patsubst %.c,$(RT_OBJ)/%.o,$(BOARD_DRIVERS))
$(BOARD_DIR)/libdrivers.a: $(DRIVER_OBJS)
	rm -f $@ && $(CROSS_AR) rcs $@ $^
ALL_GOALS += $(BOARD_DIR)/libdrivers.a
-include $(DRIVER_OBJS:.o=.d)

# Host test of the tickless timebase's arithmetic over simulated timer registers
# (drivers/test/cpu.h and mmio.h shadow lib/); its own binary and closing line in `make check`.
TIMEBASE_TEST_SRCS := drivers/cmsdk_timebase.c drivers/test/test_cmsdk_timebase.c
$(HOST_DIR)/timebase_test: $(TIMEBASE_TEST_SRCS) drivers/test/cpu.h drivers/test/mmio.h \
                           drivers/cmsdk_timebase.h drivers/rt_timebase.h
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_CFLAGS) -Idrivers/test -Idrivers -o $@ $(TIMEBASE_TEST_SRCS)
.PHONY: timebase-check
timebase-check: $(HOST_DIR)/timebase_test
	$(HOST_DIR)/timebase_test
ALL_GOALS += $(HOST_DIR)/timebase_test
CHECK_GOALS += timebase-check
