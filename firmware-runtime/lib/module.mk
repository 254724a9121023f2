# lib/: semihosting, newlib system calls, fault reporting -> librt.a
include rt.mk
LIB_SRCS := $(wildcard lib/*.c)
LIB_OBJS := $(patsubst %.c,$(RT_OBJ)/%.o,$(LIB_SRCS))
$(BOARD_DIR)/librt.a: $(LIB_OBJS)
	rm -f $@ && $(CROSS_AR) rcs $@ $^
ALL_GOALS += $(BOARD_DIR)/librt.a
-include $(LIB_OBJS:.o=.d)
