# Read by firmware-runtime's make after its Makefile (see Makefile here): links each .c in this
# directory into $(BOARD_DIR)/<name>.elf with the runtime archives.
NETBENCH_SRC := $(patsubst %/,%,$(dir $(lastword $(MAKEFILE_LIST))))
include rt.mk

NETBENCH := $(basename $(notdir $(wildcard $(NETBENCH_SRC)/*.c)))

$(RT_OBJ)/netbench/%.o: $(NETBENCH_SRC)/%.c
	@mkdir -p $(dir $@)
	$(CROSS_CC) $(RT_CFLAGS) -c $< -o $@

$(foreach e,$(NETBENCH),$(eval $(call RT_IMAGE,$(e),$(RT_OBJ)/netbench/$(e).o)))
-include $(NETBENCH:%=$(RT_OBJ)/netbench/%.d)

.PHONY: netbench-images
netbench-images: $(NETBENCH:%=$(BOARD_DIR)/%.elf)
