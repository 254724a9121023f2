# drivers/: the portable device drivers the board selects (BOARD_DRIVERS) -> libdrivers.a
include rt.mk
DRIVER_OBJS := $(patsubst %.c,$(RT_OBJ)/%.o,$(BOARD_DRIVERS))
$(BOARD_DIR)/libdrivers.a: $(DRIVER_OBJS)
	rm -f $@ && $(CROSS_AR) rcs $@ $^
ALL_GOALS += $(BOARD_DIR)/libdrivers.a
-include $(DRIVER_OBJS:.o=.d)
