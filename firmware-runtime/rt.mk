# Shared build rules of the runtime, included (once) by every module.mk that builds for the
# board or the host. Other parts (e.g. py/) can include it too and link with RT_IMAGE.
ifndef RT_MK_INCLUDED
RT_MK_INCLUDED := 1

include $(BOARDS_DIR)/$(BOARD)/board.mk

CROSS_AR ?= $(CROSS)ar
RT_OBJ   := $(BOARD_DIR)/obj
HOST_OBJ := $(HOST_DIR)/obj

# Portable runtime headers first, then the board's (board.h).
RT_INCLUDES := -Ilib -Idrivers -Inet -Iloop -I$(BOARD_PATH)
RT_CFLAGS   := $(CROSS_CFLAGS) $(RT_INCLUDES) -DRT_BOARD=1 -MMD -MP

# The runtime archives, in link order (the group resolves cycles between them).
RT_LIBS := $(BOARD_DIR)/libnet.a $(BOARD_DIR)/libloop.a $(BOARD_DIR)/libdrivers.a \
           $(BOARD_DIR)/librt.a
RT_BOARD_OBJS := $(patsubst %.c,$(RT_OBJ)/board/%.o,$(BOARD_SRCS))
RT_LDFLAGS := $(CROSS_LDFLAGS) -T$(BOARD_LDSCRIPT) -nostartfiles

$(RT_OBJ)/board/%.o: $(BOARD_PATH)/%.c
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(RT_CFLAGS) -c $< -o $@

$(RT_OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(RT_CFLAGS) -c $< -o $@

# Host builds of the portable sources (unit tests).
HOST_RT_CFLAGS := $(HOST_CFLAGS) -D_DEFAULT_SOURCE -Inet -Inet/test -Iloop -MMD -MP
$(HOST_OBJ)/%.o: %.c
	@mkdir -p $(dir $@)
	$(HOST_CC) $(HOST_RT_CFLAGS) -c $< -o $@

# $(call RT_IMAGE,name,objects): links $(BOARD_DIR)/name.elf from the objects, the board's
# startup and glue, and the runtime archives.
define RT_IMAGE
$(BOARD_DIR)/$(1).elf: $(2) $(RT_BOARD_OBJS) $(RT_LIBS) $(BOARD_LDSCRIPT)
	$$(CROSS_CC) $$(BOARD_CPU_FLAGS) $$(RT_LDFLAGS) -Wl,-Map=$(BOARD_DIR)/$(1).map -o $$@ \
	  $(2) $$(RT_BOARD_OBJS) -Wl,--start-group $$(RT_LIBS) -lc_nano -lgcc -Wl,--end-group
endef

-include $(RT_BOARD_OBJS:.o=.d)

endif
