/* Heap and garbage collector: a fixed heap of 16-byte blocks with a 2-bit-per-block allocation
 * table (free / head / tail / marked head), swept after a conservative mark phase.
 *
 * Marking is conservative: the C stack, the registers (spilled by setjmp), the VM root struct
 * and the static built-in types are scanned word by word, and every word that points into an
 * allocated block (head or interior) keeps that block alive.  Object contents are scanned the
 * same way, so no per-type trace function is needed.  This is the scheme MicroPython uses on
 * microcontrollers; it lets C code keep values in locals without registering them. */
#include "py.h"

#define BLOCK 16 /* claim() clears a block as four uint32_t */
enum { AT_FREE = 0, AT_HEAD = 1, AT_TAIL = 2, AT_MARK = 3 };

static struct {
  uint8_t *atb;    /* allocation table, 4 blocks per byte */
  uint8_t *leaf;   /* one bit per block, set on the head of a gc_alloc_leaf object */
  uint8_t *pool;   /* first block */
  size_t nblocks;
  size_t last_free; /* search hint for single blocks */
  size_t last_free_multi; /* search hint for runs */
  size_t used_blocks;
  void *stack_top;
  bool disabled;
  bool collecting;
  size_t mark_sp;
  bool mark_overflow;
  size_t since_collect;
  size_t threshold;
  size_t high; /* one past the highest block ever allocated since the last sweep */
} H;

/* Generators suspended inside try/with blocks: a weak list (not a root) checked by the
 * collector so that unreachable ones are closed (see gc_collect). */
#define WEAK_GENS 256
static Value weak_gens[WEAK_GENS];
static int nweak_gens;

void gc_register_gen(Value g) {
  Gen *gen = (Gen *)g;
  if (gen->weak || nweak_gens == WEAK_GENS) return;
  gen->weak = 1;
  weak_gens[nweak_gens++] = g;
}

/* The mark stack holds objects being scanned with the position reached (depth first, resumed
 * after each child): its depth is the length of the longest chain of references, not the
 * fan-out of one object, so a list of 20,000 strings needs two entries where pushing every
 * child would overflow and rescan the heap once per stackful. */
#define MARK_STACK 1024
typedef struct {
  uint32_t b;   /* the object's first block */
  uint32_t pos; /* next word to scan */
  uint32_t end; /* its size in words; 0 until first visited */
} MarkEntry;
static MarkEntry mark_stack[MARK_STACK];
/* Objects marked while the stack was full (a chain deeper than it): scanned once the stack has
 * drained, each starting a new stackful. Only when this list fills too does the collector fall
 * back to rescanning every marked object. */
#define MARK_SPILL 64
static uint32_t mark_spill[MARK_SPILL];
static unsigned mark_nspill;

/* always inlined: at -Os the board build made these calls, a third of the start-up cost */
#define AT_INLINE static inline __attribute__((always_inline))
AT_INLINE unsigned at_get(size_t b) { return (H.atb[b >> 2] >> ((b & 3) * 2)) & 3; }
AT_INLINE void at_set(size_t b, unsigned v) {
  uint8_t *p = &H.atb[b >> 2];
  unsigned sh = (b & 3) * 2;
  *p = (uint8_t)((*p & ~(3u << sh)) | (v << sh));
}

AT_INLINE bool is_leaf(size_t b) { return (H.leaf[b >> 3] >> (b & 7)) & 1; }
AT_INLINE void set_leaf(size_t b, bool on) {
  if (on) H.leaf[b >> 3] |= (uint8_t)(1u << (b & 7));
  else H.leaf[b >> 3] &= (uint8_t)~(1u << (b & 7));
}

void gc_init(void *heap, size_t size) {
  /* Each block needs BLOCK bytes plus a quarter byte of table and one leaf bit. */
  size_t nblocks = (size * 8) / (BLOCK * 8 + 3);
  size_t atb_bytes = (nblocks + 3) / 4, leaf_bytes = (nblocks + 7) / 8;
  H.atb = heap;
  H.leaf = H.atb + atb_bytes;
  memset(H.leaf, 0, leaf_bytes);
  uintptr_t pool = ((uintptr_t)heap + atb_bytes + leaf_bytes + BLOCK - 1) & ~(uintptr_t)(BLOCK - 1);
  H.pool = (uint8_t *)pool;
  size_t avail = ((uintptr_t)heap + size - pool) / BLOCK;
  H.nblocks = avail < nblocks ? avail : nblocks;
  memset(H.atb, 0, atb_bytes);
  H.last_free = 0;
  H.used_blocks = 0;
  /* The first collection waits for half the heap: start-up and short programs (an asyncio
   * example) then never pause for one, which would shift their board-time timings. */
  H.threshold = H.nblocks / 2;
}

void gc_set_stack_top(void *top) { H.stack_top = top; }
void gc_disable(bool off) { H.disabled = off; }

size_t gc_mem_free(void) { return (H.nblocks - H.used_blocks) * BLOCK; }
size_t gc_mem_alloc(void) { return H.used_blocks * BLOCK; }

static size_t block_of(uintptr_t p) { return (p - (uintptr_t)H.pool) / BLOCK; }


static size_t obj_blocks(size_t b) {
  size_t n = 1;
  while (b + n < H.nblocks && at_get(b + n) == AT_TAIL) {
    n++;
    /* a big object's table is bytes of four tails */
    while (((b + n) & 3) == 0 && b + n + 4 <= H.nblocks && H.atb[(b + n) >> 2] == 0xAA) n += 4;
  }
  return n;
}

/* ---- marking ------------------------------------------------------------------------------ */
static void mark_push(size_t b) {
  if (H.mark_sp < MARK_STACK) {
    MarkEntry *e = &mark_stack[H.mark_sp++];
    e->b = (uint32_t)b;
    e->pos = e->end = 0;
  } else if (mark_nspill < MARK_SPILL) {
    mark_spill[mark_nspill++] = (uint32_t)b;
  } else {
    H.mark_overflow = true; /* marked but not scanned: drain() finds it in the table */
  }
}

/* Conservative scanning reads whole stack frames, including sanitizer redzones. */
#define NO_ASAN __attribute__((no_sanitize_address))

NO_ASAN static inline void mark_word(uintptr_t w) {
  if (w < (uintptr_t)H.pool || w >= (uintptr_t)H.pool + H.nblocks * BLOCK) return;
  size_t b = block_of(w);
  unsigned s = at_get(b);
  if (s == AT_FREE || s == AT_MARK) return;
  while (s == AT_TAIL) {
    b--;
    s = at_get(b);
  }
  if (s != AT_HEAD) return; /* already marked */
  at_set(b, AT_MARK);
  if (!is_leaf(b)) mark_push(b);
}

/* Scans the top object from where it stopped until a child is pushed (then the child goes
 * first) or the object ends (then it is popped). */
NO_ASAN static void drain_stack(void) {
  while (H.mark_sp > 0) {
    MarkEntry *e = &mark_stack[H.mark_sp - 1];
    if (e->end == 0) e->end = (uint32_t)(obj_blocks(e->b) * (BLOCK / sizeof(uintptr_t)));
    const uintptr_t *w = (const uintptr_t *)(H.pool + (size_t)e->b * BLOCK);
    size_t sp = H.mark_sp;
    uint32_t i = e->pos;
    while (i < e->end) {
      mark_word(w[i++]);
      if (H.mark_sp != sp) break;
    }
    e->pos = i;
    if (H.mark_sp == sp && i >= e->end) H.mark_sp--;
  }
}

/* Spilled objects go next; after an overflow some marked objects were never scanned: scan
 * every marked object again (the already-marked children cost one table lookup each) until no
 * push overflows. */
static void drain(void) {
  drain_stack();
  while (mark_nspill > 0) {
    mark_push(mark_spill[--mark_nspill]);
    drain_stack();
  }
  while (H.mark_overflow) {
    H.mark_overflow = false;
    for (size_t b = 0; b < H.nblocks; b++) {
      if (at_get(b) == AT_MARK) {
        mark_push(b);
        drain_stack();
      }
    }
  }
}

/* A root region: each word that points into the heap marks its object, scanned at once. */
NO_ASAN static void scan_range(const void *start, const void *end) {
  uintptr_t s = ((uintptr_t)start + sizeof(uintptr_t) - 1) & ~(uintptr_t)(sizeof(uintptr_t) - 1);
  for (const uintptr_t *p = (const uintptr_t *)s; (const void *)(p + 1) <= end; p++) {
    mark_word(*p);
    if (H.mark_sp) drain_stack();
  }
}

extern Type *const builtin_types_all[];
extern const size_t builtin_types_count;
extern Type *const exc_types_all[];
extern const size_t exc_types_count;

NO_ASAN static void __attribute__((noinline)) mark_stack_and_regs(void) {
  jmp_buf regs; /* setjmp spills callee-saved registers into regs, which is on the stack */
  setjmp(regs);
  volatile uintptr_t here = 0;
  void *sp = (void *)&here;
  scan_range(&regs, (char *)&regs + sizeof regs);
  if (H.stack_top > sp) scan_range(sp, H.stack_top);
  else scan_range(H.stack_top, sp);
  drain();
}

void gc_collect(void) {
  if (H.collecting || H.pool == NULL) return;
  H.collecting = true;
  H.mark_sp = 0;
  H.mark_overflow = false;
  scan_range(&vm, (char *)&vm + sizeof vm);
  scan_range(&N, (char *)&N + sizeof N);
  drain();
  for (size_t i = 0; i < builtin_types_count; i++) {
    Type *t = builtin_types_all[i];
    scan_range(t, (char *)t + sizeof *t);
    drain();
  }
  for (size_t i = 0; i < exc_types_count; i++) {
    Type *t = exc_types_all[i];
    scan_range(t, (char *)t + sizeof *t);
    drain();
  }
  mark_stack_and_regs();
  /* Unreachable suspended generators inside try/with blocks are resurrected and queued, so
   * their finally clauses run (close()) at the next safe point, as CPython's finalizer does. */
  for (int i = 0; i < nweak_gens; i++) {
    size_t b = block_of(weak_gens[i]);
    Gen *g = (Gen *)weak_gens[i];
    if (at_get(b) == AT_HEAD && vm.nfinalize < 32 && g->started && !g->finished && !g->running && g->frame && g->frame->nblocks > 0) {
      vm.finalize[vm.nfinalize++] = V(g);
      at_set(b, AT_MARK);
      mark_push(b);
      drain();
    }
  }
  {
    int w = 0;
    for (int i = 0; i < nweak_gens; i++) {
      Gen *g = (Gen *)weak_gens[i];
      if (at_get(block_of(weak_gens[i])) == AT_MARK && !g->finished) weak_gens[w++] = weak_gens[i];
      else g->weak = 0; /* finished, or about to be freed */
    }
    nweak_gens = w;
  }
  /* sweep, a table byte (four blocks) at a time: marked heads become heads, unmarked heads
   * and the tails after them become free. Bytes of four free blocks, four tails or four marked
   * one-block objects (most of a heap) take one test each. */
  size_t used = 0;
  bool freeing = false;
  size_t end = H.high < H.nblocks ? H.high : H.nblocks;
  for (size_t i = 0, nbytes = (end + 3) / 4; i < nbytes; i++) {
    unsigned a = H.atb[i];
    if (a == 0) {
      freeing = false;
    } else if (a == 0xAA) {       /* four tails: of a live object, or of a dead one */
      if (freeing) H.atb[i] = 0;
      else used += 4;
    } else if (a == 0xFF) {       /* four marked heads */
      H.atb[i] = 0x55;
      used += 4;
      freeing = false;
    } else {
      unsigned out = 0;
      for (unsigned k = 0; k < 8; k += 2) {
        unsigned st = (a >> k) & 3;
        if (st == AT_MARK) {
          out |= AT_HEAD << k;
          freeing = false;
          used++;
        } else if (st == AT_HEAD) {
          set_leaf(i * 4 + k / 2, false);
          freeing = true;
        } else if (st == AT_TAIL) {
          if (!freeing) {
            out |= AT_TAIL << k;
            used++;
          }
        } else {
          freeing = false;
        }
      }
      H.atb[i] = (uint8_t)out;
    }
  }
  H.used_blocks = used;
  H.last_free = 0;
  H.last_free_multi = 0;
  H.since_collect = 0;
  /* next automatic collection after allocating max(1/4 heap, live data): bounded work per
   * allocated byte, and a pause at most every quarter heap */
  H.threshold = H.nblocks / 4 > used ? H.nblocks / 4 : used;
  H.collecting = false;
}

/* ---- allocation --------------------------------------------------------------------------- */
/* Allocation is first-fit from a moving hint (one for single blocks, one for larger runs), so
 * it behaves like a bump allocator until the heap is full; gc_free() does not move the hints
 * back, so freed holes are reused after the next collection resets them. */
/* Claims blocks [start, start + n) and clears them; the heap is not zeroed at start-up. */
__attribute__((optimize("no-tree-loop-distribute-patterns"))) /* keep the loop below a loop */
static void *claim(size_t start, size_t n) {
  /* the blocks are free (00), so their states can be OR-ed in */
  H.atb[start >> 2] |= (uint8_t)(AT_HEAD << ((start & 3) * 2));
  size_t b = start + 1, end = start + n;
  for (; b < end && (b & 3); b++) H.atb[b >> 2] |= (uint8_t)(AT_TAIL << ((b & 3) * 2));
  for (; b + 4 <= end; b += 4) H.atb[b >> 2] = 0xaa; /* four tails a byte */
  for (; b < end; b++) H.atb[b >> 2] |= (uint8_t)(AT_TAIL << ((b & 3) * 2));
  H.used_blocks += n;
  H.since_collect += n;
  /* a run placed where the other hint points moves that hint too, so the next allocation of
   * the other kind does not scan across it */
  if (n == 1 || start == H.last_free) H.last_free = start + n;
  if (n > 1 || start == H.last_free_multi) H.last_free_multi = start + n;
  if (start + n > H.high) H.high = start + n;
  /* a loop of whole blocks: most objects are one or two blocks, shorter than a memset call */
  uint32_t *p = (uint32_t *)(H.pool + start * BLOCK), *q = p;
  for (size_t i = 0; i < n; i++, q += 4) q[0] = q[1] = q[2] = q[3] = 0;
  return p;
}

static void *try_alloc(size_t n) {
  size_t run = 0;
  size_t b = n == 1 ? H.last_free : (H.last_free_multi > H.last_free ? H.last_free_multi : H.last_free);
  /* fast path: the hint starts a free run, as it does while the heap fills up like a stack */
  if (n == 1) {
    if (b < H.nblocks && at_get(b) == AT_FREE) return claim(b, 1);
  } else if (b + n <= H.nblocks) {
    size_t i = 0;
    while (i < n && at_get(b + i) == AT_FREE) i++;
    if (i == n) return claim(b, n);
  }
  while (b < H.nblocks) {
    if (run == 0 && (b & 31) == 0 && b + 32 <= H.nblocks) {
      /* skip 32 fully used blocks at a time: every 2-bit field non-zero */
      uint64_t x;
      memcpy(&x, &H.atb[b >> 2], 8);
      if (((x | (x >> 1)) & 0x5555555555555555ULL) == 0x5555555555555555ULL) {
        b += 32;
        continue;
      }
    }
    if (run == 0 && (b & 3) == 0 && b + 4 <= H.nblocks) {
      uint8_t byte = H.atb[b >> 2];
      if ((byte & 0x03) && (byte & 0x0c) && (byte & 0x30) && (byte & 0xc0)) {
        b += 4;
        continue;
      }
    }
    if (at_get(b) == AT_FREE) {
      if (++run == n) return claim(b + 1 - n, n);
    } else {
      run = 0;
    }
    b++;
  }
  return NULL;
}

void *gc_alloc_nothrow(size_t bytes) {
  size_t n = (bytes + BLOCK - 1) / BLOCK;
  if (n == 0) n = 1;
  if (H.since_collect > H.threshold && !H.disabled) gc_collect();
  void *p = try_alloc(n);
  if (p) return p;
  if (!H.disabled) {
    gc_collect();
    p = try_alloc(n);
  } else {
    H.last_free = H.last_free_multi = 0;
    p = try_alloc(n);
  }
  return p;
}

void *gc_alloc_leaf(size_t bytes) {
  void *p = gc_alloc(bytes);
  set_leaf(block_of((uintptr_t)p), true);
  return p;
}

void *gc_alloc(size_t bytes) {
  void *p = gc_alloc_nothrow(bytes);
  if (!p) {
    if (vm.memory_error) py_raise(vm.memory_error);
    raise_type(&MemoryError_type);
  }
  return p;
}

void gc_free(void *p) {
  if (!p || H.collecting) return;
  size_t b = block_of((uintptr_t)p);
  if (b >= H.nblocks || at_get(b) != AT_HEAD) return;
  size_t n = obj_blocks(b);
  for (size_t i = 0; i < n; i++) at_set(b + i, AT_FREE);
  set_leaf(b, false);
  H.used_blocks -= n;
}

void *gc_realloc(void *p, size_t bytes) {
  if (!p) return gc_alloc(bytes);
  size_t b = block_of((uintptr_t)p);
  size_t have = obj_blocks(b);
  size_t need = (bytes + BLOCK - 1) / BLOCK;
  if (need == 0) need = 1;
  if (need <= have) {
    for (size_t i = need; i < have; i++) at_set(b + i, AT_FREE);
    H.used_blocks -= have - need;
    return p;
  }
  /* grow in place when the following blocks are free */
  size_t extra = 0;
  while (have + extra < need && b + have + extra < H.nblocks && at_get(b + have + extra) == AT_FREE)
    extra++;
  if (have + extra == need) {
    for (size_t i = have; i < need; i++) at_set(b + i, AT_TAIL);
    if (b + need > H.high) H.high = b + need;
    /* a hint the block grew over moves past it: the next allocation need not scan the run */
    if (H.last_free > b && H.last_free < b + need) H.last_free = b + need;
    if (H.last_free_multi > b && H.last_free_multi < b + need) H.last_free_multi = b + need;
    memset(H.pool + (b + have) * BLOCK, 0, (need - have) * BLOCK);
    H.used_blocks += need - have;
    return p;
  }
  void *q = gc_alloc(bytes);
  memcpy(q, p, have * BLOCK);
  gc_free(p);
  return q;
}

void *obj_alloc(Type *t, size_t bytes) {
  Obj *o = gc_alloc(bytes);
  o->type = t;
  return o;
}

void gc_run_finalizers(void) {
  while (vm.nfinalize > 0) {
    Value g = vm.finalize[--vm.nfinalize];
    vm.finalize[vm.nfinalize] = VNULL;
    Nlr n;
    if (NLR_TRY(n)) {
      py_call_method(g, N.close, 0, NULL);
      nlr_pop();
    }
  }
}
