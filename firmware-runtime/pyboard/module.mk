# pyboard/: the Python VM (py/) on the board -> $(BOARD_DIR)/python.elf
#   python.elf script.py [args]   runs the script read through semihosting
#   python.elf                    REPL on UART0
# The VM sources are the host build's, minus its port and main. The frozen modules are the host
# build's (py/frozen/, compiled by the same freeze tool, rules in py/module.mk) minus the ones
# listed in PYB_NOT_FROZEN, which a board firmware rarely needs and whose bytecode would not fit
# the 256 KB text budget (MicroPython's board ports leave them out too).
include rt.mk

PYB_VM_SRCS := $(filter-out py/main_host.c py/port_host.c py/port_host_net.c,$(wildcard py/*.c))
PYB_SRCS    := $(PYB_VM_SRCS) $(wildcard pyboard/*.c)
PYB_OBJS    := $(patsubst %.c,$(RT_OBJ)/%.o,$(PYB_SRCS)) $(RT_OBJ)/pyboard/frozen.o
PYB_NOT_FROZEN ?= dataclasses enum abc bisect copy heapq io json traceback types typing
PYB_FROZEN   := $(filter-out $(foreach m,$(PYB_NOT_FROZEN),%/$(m).py),$(PY_FROZEN))
PYB_FROZEN_C := $(BOARD_DIR)/pyboard/frozen.c

# As the host build: _GNU_SOURCE (M_PI, ...) and no strict aliasing (tagged words); the interpreter loop gets -O2 for speed, the
# rest stays -Os so the image stays under 256 KiB of text.
# PY_MATH_SPECIAL=0: no math.erf/erfc/gamma/lgamma on the board (~8 KB of libm; see mod_math.c).
PYB_CFLAGS := -Ipy -Ipyboard -D_GNU_SOURCE -fno-strict-aliasing -DPY_MATH_SPECIAL=0
PYB_HEAP   ?= 2097152
PYB_STACK  ?= 512K
$(PYB_OBJS): RT_CFLAGS += $(PYB_CFLAGS) -DPYB_HEAP_SIZE=$(PYB_HEAP)u
$(RT_OBJ)/py/vm.o: RT_CFLAGS += -O2

$(PYB_FROZEN_C): $(PYB_FROZEN) $(PY_DIR)/frozen/freeze.py pyboard/module.mk $(HOST_DIR)/vbpy-freeze
	@mkdir -p $(dir $@)
	python3 $(PY_DIR)/frozen/freeze.py $@ --tool $(HOST_DIR)/vbpy-freeze $(PYB_FROZEN)

$(RT_OBJ)/pyboard/frozen.o: $(PYB_FROZEN_C)
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(RT_CFLAGS) -c $< -o $@

# Linked like $(call RT_IMAGE,...), with newlib-nano plus its floating-point printf
# (-u _printf_float): the VM formats floats (repr, %g/%e/%f) with snprintf, and does its own
# long long and %a conversions, which nano lacks (full newlib cost ~10 KB more text).
# Python recursion runs on the C stack (one vm_run per frame, up to the VM's limit of 1000), so
# the image asks the linker script for a bigger main stack.
PYB_LDFLAGS := $(RT_LDFLAGS) -u _printf_float -Wl,--defsym=__stack_size=$(PYB_STACK)
$(BOARD_DIR)/python.elf: $(PYB_OBJS) $(RT_BOARD_OBJS) $(RT_LIBS) $(BOARD_LDSCRIPT)
	$(CROSS_CC) $(BOARD_CPU_FLAGS) $(PYB_LDFLAGS) -Wl,-Map=$(BOARD_DIR)/python.map -o $@ \
	  $(PYB_OBJS) $(RT_BOARD_OBJS) -Wl,--start-group $(RT_LIBS) -lm -lc -lgcc -Wl,--end-group

ALL_GOALS += $(BOARD_DIR)/python.elf
-include $(PYB_OBJS:.o=.d)

.PHONY: pyboard-size
pyboard-size: $(BOARD_DIR)/python.elf
	$(CROSS_SIZE) $<

# The issue's budget for the board image: under 256 KB of text (256,000 bytes, the stricter
# reading). `make check` fails when python.elf outgrows it.
PYB_TEXT_LIMIT ?= 256000
.PHONY: pyboard-size-check
pyboard-size-check: $(BOARD_DIR)/python.elf
	@text=$$($(CROSS_SIZE) $< | awk 'NR == 2 {print $$1}'); \
	if [ "$$text" -ge $(PYB_TEXT_LIMIT) ]; then \
	  echo "python.elf: $$text bytes of text, over the $(PYB_TEXT_LIMIT)-byte budget" >&2; exit 1; \
	fi; echo "python.elf: $$text bytes of text (budget $(PYB_TEXT_LIMIT))"
CHECK_GOALS += pyboard-size-check
