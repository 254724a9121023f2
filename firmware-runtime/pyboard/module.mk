# pyboard/: the Python VM (py/) on the board -> $(BOARD_DIR)/python.elf
#   python.elf script.py [args]   runs the script read through semihosting
#   python.elf                    REPL on UART0
# The VM sources are the host build's, minus its port and main; the frozen modules come from
# the same generated C file as the host build ($(HOST_DIR)/py/frozen.c, rule in py/module.mk).
include rt.mk

PYB_VM_SRCS := $(filter-out py/main_host.c py/port_host.c,$(wildcard py/*.c))
PYB_SRCS    := $(PYB_VM_SRCS) $(wildcard pyboard/*.c)
PYB_OBJS    := $(patsubst %.c,$(RT_OBJ)/%.o,$(PYB_SRCS)) $(RT_OBJ)/pyboard/frozen.o
PYB_FROZEN_C := $(HOST_DIR)/py/frozen.c

# As the host build: _GNU_SOURCE (M_PI, ...) and no strict aliasing (tagged words); the interpreter loop gets -O2 for speed, the
# rest stays -Os so the image stays under 256 KiB of text.
PYB_CFLAGS := -Ipy -Ipyboard -D_GNU_SOURCE -fno-strict-aliasing
PYB_HEAP   ?= 2097152
PYB_STACK  ?= 512K
$(PYB_OBJS): RT_CFLAGS += $(PYB_CFLAGS) -DPYB_HEAP_SIZE=$(PYB_HEAP)u
$(RT_OBJ)/py/vm.o: RT_CFLAGS += -O2

$(RT_OBJ)/pyboard/frozen.o: $(PYB_FROZEN_C)
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(RT_CFLAGS) -c $< -o $@

# Linked like $(call RT_IMAGE,...) but with the full newlib instead of newlib-nano: the VM
# formats floats (repr, %g/%e/%f) and long longs with snprintf, which nano's printf lacks.
# Python recursion runs on the C stack (one vm_run per frame, up to the VM's limit of 1000), so
# the image asks the linker script for a bigger main stack.
PYB_LDFLAGS := $(filter-out --specs=nano.specs,$(RT_LDFLAGS)) -Wl,--defsym=__stack_size=$(PYB_STACK)
$(BOARD_DIR)/python.elf: $(PYB_OBJS) $(RT_BOARD_OBJS) $(RT_LIBS) $(BOARD_LDSCRIPT)
	$(CROSS_CC) $(BOARD_CPU_FLAGS) $(PYB_LDFLAGS) -Wl,-Map=$(BOARD_DIR)/python.map -o $@ \
	  $(PYB_OBJS) $(RT_BOARD_OBJS) -Wl,--start-group $(RT_LIBS) -lm -lc -lgcc -Wl,--end-group

ALL_GOALS += $(BOARD_DIR)/python.elf
-include $(PYB_OBJS:.o=.d)

.PHONY: pyboard-size
pyboard-size: $(BOARD_DIR)/python.elf
	$(CROSS_SIZE) $<
