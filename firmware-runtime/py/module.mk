# vbpy: the Python VM (firmware-runtime/py).  Host build and conformance suite.
#   $(HOST_DIR)/vbpy        the host interpreter
#   py-check                runs tests/*.py under python3 and vbpy, compares stdout + exit status,
#                           checks the frozen code format (py-persist), then runs the seeded
#                           tokenizer/parser/compiler fuzzer (ASan + UBSan)

PY_DIR      := py
PY_SRCS     := $(filter-out $(PY_DIR)/main_host.c,$(wildcard $(PY_DIR)/*.c))
PY_HDRS     := $(wildcard $(PY_DIR)/*.h)
PY_FROZEN   := $(filter-out %/freeze.py,$(wildcard $(PY_DIR)/frozen/*.py))
PY_FROZEN_C := $(HOST_DIR)/py/frozen.c
PY_HOST_OBJ := $(patsubst $(PY_DIR)/%.c,$(HOST_DIR)/py/%.o,$(PY_SRCS) $(PY_DIR)/main_host.c) $(HOST_DIR)/py/frozen.o
PY_CFLAGS   := $(HOST_CFLAGS) -fno-strict-aliasing -D_GNU_SOURCE
PY_LIBS     := -lm
PY_FUZZ_ITERS ?= 3000
PY_FUZZ_SEED  ?= 12345

ALL_GOALS   += $(HOST_DIR)/vbpy
CHECK_GOALS += py-check

$(HOST_DIR)/py/%.o: $(PY_DIR)/%.c $(PY_HDRS)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(PY_CFLAGS) -c $< -o $@

# Python modules compiled into the binary as code objects (asyncio, ...): the freeze tool (the
# VM with py/frozen/dump.c as main and an empty frozen table) compiles each module on the host
# and freeze.py embeds the portable blobs (py/persist.h) as C arrays.
PY_VM_OBJ     := $(filter-out $(HOST_DIR)/py/main_host.o $(HOST_DIR)/py/frozen.o,$(PY_HOST_OBJ))
PY_FREEZE_OBJ := $(PY_VM_OBJ) $(HOST_DIR)/py/frozen/dump.o
$(HOST_DIR)/py/frozen_none.c: $(PY_DIR)/frozen/freeze.py
	@mkdir -p $(dir $@)
	python3 $(PY_DIR)/frozen/freeze.py $@

$(HOST_DIR)/vbpy-freeze: $(PY_FREEZE_OBJ) $(HOST_DIR)/py/frozen_none.o
	$(HOST_CC) $(PY_CFLAGS) -o $@ $^ $(PY_LIBS)

# the same tool with the real frozen modules: runs scripts through compile -> dump -> load
$(HOST_DIR)/vbpy-rt: $(PY_FREEZE_OBJ) $(HOST_DIR)/py/frozen.o
	$(HOST_CC) $(PY_CFLAGS) -o $@ $^ $(PY_LIBS)

$(PY_FROZEN_C): $(PY_FROZEN) $(PY_DIR)/frozen/freeze.py $(PY_DIR)/module.mk $(HOST_DIR)/vbpy-freeze
	@mkdir -p $(dir $@)
	python3 $(PY_DIR)/frozen/freeze.py $@ --tool $(HOST_DIR)/vbpy-freeze $(PY_FROZEN)

$(HOST_DIR)/py/frozen.o: $(PY_FROZEN_C)
	$(HOST_CC) $(PY_CFLAGS) -c $< -o $@

$(HOST_DIR)/py/frozen_none.o: $(HOST_DIR)/py/frozen_none.c
	$(HOST_CC) $(PY_CFLAGS) -c $< -o $@

$(HOST_DIR)/vbpy: $(PY_HOST_OBJ)
	@mkdir -p $(dir $@)
	$(HOST_CC) $(PY_CFLAGS) -o $@ $^ $(PY_LIBS)

# The fuzz driver links the VM sources directly, instrumented.
$(HOST_DIR)/vbpy-fuzz: $(PY_SRCS) $(PY_DIR)/fuzz/fuzz.c $(PY_HDRS) $(PY_FROZEN_C)
	@mkdir -p $(dir $@)
	$(HOST_CC) -O1 -g -std=c11 -D_GNU_SOURCE -fno-strict-aliasing -fsanitize=address,undefined \
	  -fno-sanitize-recover=undefined -fno-omit-frame-pointer -I$(PY_DIR) \
	  -o $@ $(PY_SRCS) $(PY_FROZEN_C) $(PY_DIR)/fuzz/fuzz.c $(PY_LIBS)

.PHONY: py-check py-test py-fuzz py-persist
py-check: py-test py-persist py-fuzz

# frozen code format: every test and frozen module survives dump -> load -> dump unchanged, every
# frozen module unpacks (freeze.py's DEFLATE, persist.c's decoder) to what it compiles to, and
# the basics suite gives CPython's output when run from reloaded code
py-persist: $(HOST_DIR)/vbpy-freeze $(HOST_DIR)/vbpy-rt
	@$(HOST_DIR)/vbpy-freeze --check $(PY_FROZEN) $(shell find tests -name '*.py' | sort)
	@$(HOST_DIR)/vbpy-rt --check-frozen $(PY_FROZEN)
	@python3 tests/run_tests.py --vbpy $(HOST_DIR)/vbpy-rt tests/basics

py-test: $(HOST_DIR)/vbpy
	@python3 tests/run_tests.py --vbpy $(HOST_DIR)/vbpy tests
	@python3 tests/exceptions2/_sigint_harness.py $(HOST_DIR)/vbpy

py-fuzz: $(HOST_DIR)/vbpy-fuzz
	ASAN_OPTIONS=detect_leaks=0 $(HOST_DIR)/vbpy-fuzz $(PY_FUZZ_ITERS) tests $(PY_FUZZ_SEED) $(HOST_DIR)/fuzz-failure.py
