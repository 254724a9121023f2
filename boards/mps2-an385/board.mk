# Board build fragment for mps2-an385, included by firmware-runtime/rt.mk.
# A board names its CPU flags, linker script, its own C files and the portable drivers it uses.
BOARD_PATH      := $(BOARDS_DIR)/mps2-an385
BOARD_CPU_FLAGS := -mcpu=cortex-m3 -mthumb
BOARD_LDSCRIPT  := $(BOARD_PATH)/mps2-an385.ld
BOARD_SRCS      := startup.c board.c
BOARD_DRIVERS   := drivers/uart_cmsdk.c drivers/cmsdk_timebase.c drivers/cmsdk_dualtimer.c drivers/lan9118.c
