/* Host build tool: compiles Python modules and writes their code objects in the portable
 * format of persist.h, for freeze.py to embed in the image.  Linked with the host VM.
 *
 *   vbpy-freeze --dump FILE.py NAME    blob of FILE.py compiled as "<frozen NAME>", on stdout
 *   vbpy-freeze --check FILE.py...     round trip: dump, load, dump again; the blobs must match
 *   vbpy-rt --check-frozen FILE.py...  each module as packed into the binary (freeze.py), unpacked
 *                                      and loaded, must dump to the blob of FILE.py compiled now
 *   vbpy-freeze FILE.py [ARGS]         runs a script as vbpy does, but through dump and load,
 *                                      so the conformance suite can run on loaded code
 */
#include <stdio.h>
#include <stdlib.h>

#include "../bytecode.h"
#include "../persist.h"
#include "../port.h"

/* the blob's sections after the string table, in blob order (persist.h) */
enum { S_CODE, S_NAMES, S_CONSTS, S_LINES, S_OPS, S_ARGS, S_COUNT };

typedef struct {
  SB s[S_COUNT];
  Value strs;  /* dict: (str, interned) -> index */
  Value order; /* list of (str, interned) in index order */
} Wr;

static void wr_u(SB *sb, uint64_t v) {
  do {
    uint8_t b = v & 0x7f;
    v >>= 7;
    sb_addc(sb, (char)(v ? b | 0x80 : b));
  } while (v);
}

static void wr_z(SB *sb, int64_t v) { wr_u(sb, ((uint64_t)v << 1) ^ (uint64_t)(v >> 63)); }

static bool is_interned(Value s) { return dict_get(vm.interned, s) == s; }

/* index of a string in the module's table, added on first use */
static uint64_t str_index(Wr *w, Value s) {
  if (!is_type(s, &str_type)) raise_msg(&TypeError_type, "freeze: name is not a str");
  Value key = tuple2(s, PYBOOL(is_interned(s)));
  Value i = dict_get(w->strs, key);
  if (!i) {
    i = MK_SMALL(((List *)w->order)->len);
    dict_set(w->strs, key, i);
    list_append(w->order, key);
  }
  return (uint64_t)SMALL_VAL(i);
}

static void wr_strs(Wr *w, Value tuple) {
  SB *sb = &w->s[S_NAMES];
  Tuple *t = (Tuple *)tuple;
  wr_u(sb, t->len);
  for (size_t i = 0; i < t->len; i++) wr_u(sb, str_index(w, t->items[i]));
}

static void wr_obj(Wr *w, Value v);

static void wr_code(Wr *w, Code *co) {
  SB *sb = &w->s[S_CODE];
  const uint16_t f[7] = {co->argcount, co->kwonlycount, co->nlocals, co->ncells, co->nfree, co->stacksize, co->flags};
  for (int i = 0; i < 7; i++) wr_u(sb, f[i]);
  wr_u(sb, (uint64_t)co->firstline);
  wr_u(sb, str_index(w, co->name));
  wr_u(sb, str_index(w, co->qualname));
  /* instructions: the opcodes in one section, their 24-bit arguments as varints (most fit in
   * one byte) in another */
  Bytes *bc = (Bytes *)co->bytecode;
  wr_u(sb, bc->len);
  for (size_t i = 0; i < bc->len;) {
    uint8_t op = bc->data[i++];
    sb_addc(&w->s[S_OPS], (char)op);
    if (op < OP_HAVE_ARG) continue;
    if (i + 3 > bc->len) raise_msg(&ValueError_type, "freeze: truncated instruction");
    wr_u(&w->s[S_ARGS], (uint32_t)bc->data[i] | (uint32_t)bc->data[i + 1] << 8 | (uint32_t)bc->data[i + 2] << 16);
    i += 3;
  }
  sb = &w->s[S_LINES];
  size_t n = co->lines ? ((Bytes *)co->lines)->len / 8 : 0;
  wr_u(sb, n);
  uint32_t off = 0, line = 0;
  for (size_t i = 0; i < n; i++) {
    uint32_t pair[2];
    memcpy(pair, ((Bytes *)co->lines)->data + 8 * i, 8);
    if (pair[0] < off) raise_msg(&ValueError_type, "freeze: line table not in offset order");
    wr_u(sb, pair[0] - off);
    wr_z(sb, (int64_t)pair[1] - (int64_t)line);
    off = pair[0];
    line = pair[1];
  }
  n = co->cell2arg ? ((Bytes *)co->cell2arg)->len / sizeof(int16_t) : 0;
  wr_u(sb, n);
  for (size_t i = 0; i < n; i++) {
    int16_t a;
    memcpy(&a, ((Bytes *)co->cell2arg)->data + 2 * i, 2);
    wr_z(sb, a);
  }
  Tuple *k = (Tuple *)co->consts;
  wr_u(&w->s[S_CONSTS], k->len);
  for (size_t i = 0; i < k->len; i++) wr_obj(w, k->items[i]);
  wr_strs(w, co->names);
  wr_strs(w, co->varnames);
  wr_strs(w, co->cellnames);
  wr_strs(w, co->freenames);
}

static void wr_obj(Wr *w, Value v) {
  SB *sb = &w->s[S_CONSTS];
  if (v == NONE) sb_addc(sb, 'N');
  else if (v == TRUE_V) sb_addc(sb, 'T');
  else if (v == FALSE_V) sb_addc(sb, 'F');
  else if (v == ELLIPSIS) sb_addc(sb, 'E');
  else if (IS_SMALL(v)) {
    sb_addc(sb, 'i');
    wr_z(sb, SMALL_VAL(v));
  } else if (is_type(v, &int_type)) {
    Value d = int_to_str_base(v, 10, false);
    sb_addc(sb, 'I');
    wr_u(sb, str_len(d));
    sb_addv(sb, d);
  } else if (is_type(v, &float_type)) {
    uint64_t bits;
    memcpy(&bits, &((Float *)v)->v, 8);
    sb_addc(sb, 'f');
    for (int i = 0; i < 8; i++) sb_addc(sb, (char)(bits >> (8 * i)));
  } else if (is_type(v, &str_type)) {
    sb_addc(sb, 's');
    wr_u(sb, str_index(w, v));
  } else if (is_type(v, &bytes_type)) {
    sb_addc(sb, 'b');
    wr_u(sb, ((Bytes *)v)->len);
    sb_add(sb, (const char *)((Bytes *)v)->data, ((Bytes *)v)->len);
  } else if (is_type(v, &tuple_type)) {
    Tuple *t = (Tuple *)v;
    sb_addc(sb, 't');
    wr_u(sb, t->len);
    for (size_t i = 0; i < t->len; i++) wr_obj(w, t->items[i]);
  } else if (is_type(v, &code_type)) {
    sb_addc(sb, 'c');
    wr_code(w, (Code *)v);
  } else {
    raise_msg(&TypeError_type, "freeze: cannot store a constant of type '%s'", type_name(v));
  }
}

/* The string table comes first in the blob but is complete only after the objects are
 * written, so the objects go to the section buffers first. */
void persist_dump(Value code, SB *out) {
  Wr w = {.strs = dict_new(), .order = list_new(0)};
  for (int i = 0; i < S_COUNT; i++) sb_init(&w.s[i], 1024);
  wr_obj(&w, code);
  sb_add(out, "VB", 2);
  sb_addc(out, PERSIST_VERSION);
  List *order = (List *)w.order;
  wr_u(out, order->len);
  for (size_t i = 0; i < order->len; i++) {
    Tuple *key = (Tuple *)order->items[i];
    Value s = key->items[0];
    wr_u(out, (uint64_t)str_len(s) << 1 | (key->items[1] == TRUE_V));
    sb_addv(out, s);
  }
  for (int i = 0; i < S_COUNT - 1; i++) wr_u(out, w.s[i].len);
  for (int i = 0; i < S_COUNT; i++) sb_add(out, w.s[i].buf, w.s[i].len);
}

static void *alloc_for_file(size_t n) { return gc_alloc_nothrow(n); }

static Value compile_file(const char *path, Value filename) {
  size_t len;
  char *src = port_read_file(path, &len, alloc_for_file);
  if (!src) raise_msg(&OSError_type, "cannot read %s", path);
  return compile_source(src, len, filename, 0);
}

static Value dump_value(Value code) {
  SB sb;
  sb_init(&sb, 4096);
  persist_dump(code, &sb);
  return bytes_new((const uint8_t *)sb.buf, sb.len);
}

/* compile, then dump and load: what a frozen module goes through */
static Value round_trip(const char *src, size_t len, Value filename, int mode) {
  Bytes *b = (Bytes *)dump_value(compile_source(src, len, filename, mode));
  return persist_load(b->data, b->len, filename);
}

static int check(int n, char **files) {
  volatile int done = 0;
  for (int i = 0; i < n; i++) {
    Value fname = str_from_cstr(files[i]);
    volatile Value code = VNULL;
    Nlr nl;
    if (NLR_TRY(nl)) {
      code = compile_file(files[i], fname);
      nlr_pop();
    } else if (!isinst(vm.raised, &SyntaxError_type)) {
      py_raise(vm.raised);
    }
    if (!code) continue; /* tests of SyntaxError */
    done++;
    Bytes *a = (Bytes *)dump_value(code);
    Bytes *b = (Bytes *)dump_value(persist_load(a->data, a->len, fname));
    if (a->len != b->len || memcmp(a->data, b->data, a->len) != 0) {
      fprintf(stderr, "vbpy-freeze: %s: reloaded code differs from compiled code\n", files[i]);
      return 1;
    }
  }
  printf("persist round trip: %d files ok (%d skipped: SyntaxError)\n", done, n - done);
  return 0;
}

/* the table freeze.py generates: empty in vbpy-freeze, the real modules in vbpy-rt */
extern const char *const frozen_names[];
extern const unsigned char *const frozen_code[];
extern const size_t frozen_sizes[];
extern const int frozen_count;

/* the packed form (persist_load_packed's decoder) against the freeze tool's own output */
static int check_frozen(int n, char **files) {
  for (int i = 0; i < n; i++) {
    const char *base = strrchr(files[i], '/') ? strrchr(files[i], '/') + 1 : files[i];
    size_t len = strlen(base) > 3 ? strlen(base) - 3 : 0; /* without ".py" */
    int k = 0;
    while (k < frozen_count && !(strlen(frozen_names[k]) == len && strncmp(frozen_names[k], base, len) == 0)) k++;
    if (k == frozen_count) {
      fprintf(stderr, "vbpy-freeze: %s: not a frozen module of this binary\n", files[i]);
      return 1;
    }
    Value fname = str_printf("<frozen %s>", frozen_names[k]);
    Bytes *a = (Bytes *)dump_value(compile_file(files[i], fname));
    Bytes *b = (Bytes *)dump_value(persist_load_packed(frozen_code[k], frozen_sizes[k], fname));
    if (a->len != b->len || memcmp(a->data, b->data, a->len) != 0) {
      fprintf(stderr, "vbpy-freeze: %s: the packed module does not load as compiled\n", files[i]);
      return 1;
    }
  }
  printf("packed frozen modules: %d ok\n", n);
  return 0;
}

extern Value (*py_main_compiler)(const char *src, size_t len, Value filename, int mode);

int main(int argc, char **argv) {
  size_t heap_size;
  void *heap = port_heap(&heap_size);
  py_init(heap, heap_size, __builtin_frame_address(0));
  int status = 0;
  Nlr n;
  if (NLR_TRY(n)) {
    if (argc == 4 && strcmp(argv[1], "--dump") == 0) {
      Bytes *b = (Bytes *)dump_value(compile_file(argv[2], str_printf("<frozen %s>", argv[3])));
      status = fwrite(b->data, 1, b->len, stdout) == b->len && fflush(stdout) == 0 ? 0 : 1;
    } else if (argc >= 2 && strcmp(argv[1], "--check") == 0) {
      status = check(argc - 2, argv + 2);
    } else if (argc >= 2 && strcmp(argv[1], "--check-frozen") == 0) {
      status = check_frozen(argc - 2, argv + 2);
    } else if (argc >= 2 && argv[1][0] != '-') {
      py_main_compiler = round_trip;
      status = py_run_file(argv[1], argc - 1, argv + 1);
    } else {
      fprintf(stderr, "usage: vbpy-freeze --dump FILE.py NAME | --check FILE.py... | --check-frozen FILE.py... | FILE.py [ARGS]\n");
      status = 2;
    }
    nlr_pop();
  } else {
    status = py_handle_uncaught(vm.raised);
  }
  port_exit(status);
  return status;
}
