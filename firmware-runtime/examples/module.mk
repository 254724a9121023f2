# examples/: C programs for the board: hello, qotd, server, netcheck -> build/<board>/<name>.elf
include rt.mk
EXAMPLES := $(basename $(notdir $(wildcard examples/*.c)))
$(foreach e,$(EXAMPLES),$(eval $(call RT_IMAGE,$(e),$(RT_OBJ)/examples/$(e).o)))
EXAMPLE_ELFS := $(foreach e,$(EXAMPLES),$(BOARD_DIR)/$(e).elf)
ALL_GOALS += $(EXAMPLE_ELFS)
-include $(EXAMPLES:%=$(RT_OBJ)/examples/%.d)

# Code size and RAM of the runtime archives and every image (text = flash, data+bss = RAM).
.PHONY: size
size: $(RT_LIBS) $(EXAMPLE_ELFS)
	@echo "== runtime archives: text data bss dec hex =="
	@for l in $(RT_LIBS); do printf '%-34s ' "$$l"; $(CROSS_SIZE) -t $$l | tail -n 1; done
	@printf '%-34s ' "all runtime archives"; $(CROSS_SIZE) -t $(RT_LIBS) | tail -n 1
	@echo "== images =="
	@$(CROSS_SIZE) $(EXAMPLE_ELFS)
