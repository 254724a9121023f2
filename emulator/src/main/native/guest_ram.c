/*
 * Guest RAM and ROM in host memory vboard allocates itself, so that one block can be mapped at
 * several guest addresses (uc_mem_map_ptr), as QEMU's memory_region_init_alias mirrors do:
 * AN385 shows SSRAM1, SSRAM2/3 and block RAM again higher up, and code runs from the mirrors
 * too. Anonymous private mappings: zero-filled, page-aligned, committed only when touched.
 */
#define _DEFAULT_SOURCE
#include <stddef.h>
#include <stdint.h>
#include <sys/mman.h>

/* size bytes of zeroed host memory, or NULL. */
void *vb_ram_alloc(size_t size) {
  void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE,
                 -1, 0);
  return p == MAP_FAILED ? NULL : p;
}

/* Returns what vb_ram_alloc gave; only after the engine that mapped it is closed. */
void vb_ram_free(void *p, size_t size) {
  if (p != NULL) {
    munmap(p, size);
  }
}
