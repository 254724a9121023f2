/* Seeded fuzz driver for the tokenizer, parser and compiler.  Built with ASan+UBSan by
 * `make py-fuzz`.  Inputs are random bytes, random token soup, and mutations of the
 * conformance-suite sources.  Every input must either compile or raise SyntaxError (or a
 * subclass) carrying a line number >= 1; anything else (another exception, a sanitizer report,
 * a crash) fails the run and leaves the input in fuzz-failure.py.
 * Usage: vbpy-fuzz ITERATIONS CORPUS_DIR [SEED [FAILURE_FILE]] */

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "py.h"

static uint64_t rng_state;
static uint64_t rnd(void) {
  uint64_t x = rng_state;
  x ^= x << 13;
  x ^= x >> 7;
  x ^= x << 17;
  return rng_state = x;
}
static size_t rndn(size_t n) { return n ? (size_t)(rnd() % n) : 0; }

static char **corpus;
static size_t *corpus_len;
static size_t ncorpus;

static void load_dir(const char *dir) {
  DIR *d = opendir(dir);
  if (!d) return;
  struct dirent *e;
  while ((e = readdir(d))) {
    if (e->d_name[0] == '.') continue;
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, e->d_name);
    struct stat st;
    if (stat(path, &st) != 0) continue;
    if (S_ISDIR(st.st_mode)) {
      load_dir(path);
      continue;
    }
    size_t n = strlen(e->d_name);
    if (n < 3 || strcmp(e->d_name + n - 3, ".py") != 0) continue;
    FILE *f = fopen(path, "rb");
    if (!f) continue;
    char *buf = malloc((size_t)st.st_size + 1);
    size_t got = fread(buf, 1, (size_t)st.st_size, f);
    fclose(f);
    buf[got] = 0;
    corpus = realloc(corpus, (ncorpus + 1) * sizeof *corpus);
    corpus_len = realloc(corpus_len, (ncorpus + 1) * sizeof *corpus_len);
    corpus[ncorpus] = buf;
    corpus_len[ncorpus] = got;
    ncorpus++;
  }
  closedir(d);
}

static const char *const pieces[] = {
    "def ", "class ", "if ", "elif ", "else", "while ", "for ", " in ", "try", "except ",
    "finally", "with ", " as ", "lambda ", "yield ", "yield from ", "await ", "async ", "return ",
    "import ", "from ", "global ", "nonlocal ", "del ", "pass", "break", "continue", "raise ",
    "assert ", "not ", " and ", " or ", " is ", "None", "True", "False", "(", ")", "[", "]", "{",
    "}", ":", ",", ".", ";", "=", "==", "+=", "**", "//", "->", ":=", "*", "@", "\n", "\n    ",
    "\n        ", "\t", "\\\n", "x", "y", "f", "1", "0x1f", "1.5e3", "'s'", "\"t\"", "f'{x}'",
    "b'b'", "'''", "\"\"\"", "r'\\n'", "#c", "...", "-", "~", "<<", "!=", "<=", "%", "^",
};

static size_t gen_input(char *out, size_t cap) {
  size_t n = 0;
  int mode = (int)rndn(4);
  if (mode == 0 || ncorpus == 0) {
    size_t len = rndn(200);
    for (size_t i = 0; i < len && n < cap; i++) out[n++] = (char)(rndn(4) ? rndn(96) + 32 : rndn(256));
    return n;
  }
  if (mode == 1) {
    size_t len = rndn(80);
    for (size_t i = 0; i < len; i++) {
      const char *p = pieces[rndn(sizeof pieces / sizeof pieces[0])];
      size_t pl = strlen(p);
      if (n + pl >= cap) break;
      memcpy(out + n, p, pl);
      n += pl;
    }
    return n;
  }
  /* mutate a corpus file */
  size_t k = rndn(ncorpus);
  size_t len = corpus_len[k] < cap / 2 ? corpus_len[k] : cap / 2;
  memcpy(out, corpus[k], len);
  n = len;
  int muts = 1 + (int)rndn(4);
  for (int m = 0; m < muts && n > 0; m++) {
    size_t pos = rndn(n);
    switch (rndn(5)) {
      case 0: /* delete a span */ {
        size_t dl = 1 + rndn(16);
        if (pos + dl > n) dl = n - pos;
        memmove(out + pos, out + pos + dl, n - pos - dl);
        n -= dl;
        break;
      }
      case 1: /* insert a piece */ {
        const char *p = pieces[rndn(sizeof pieces / sizeof pieces[0])];
        size_t pl = strlen(p);
        if (n + pl >= cap) break;
        memmove(out + pos + pl, out + pos, n - pos);
        memcpy(out + pos, p, pl);
        n += pl;
        break;
      }
      case 2: /* flip a byte */
        out[pos] = (char)rndn(256);
        break;
      case 3: /* duplicate a span */ {
        size_t dl = 1 + rndn(64);
        if (pos + dl > n) dl = n - pos;
        if (n + dl >= cap) break;
        memmove(out + pos + dl, out + pos, n - pos);
        n += dl;
        break;
      }
      default: /* truncate */
        n = pos;
    }
  }
  return n;
}

int main(int argc, char **argv) {
  long iters = argc > 1 ? atol(argv[1]) : 1000;
  if (argc > 2) load_dir(argv[2]);
  rng_state = argc > 3 ? strtoull(argv[3], NULL, 10) : 0x9e3779b97f4a7c15ULL;
  const char *fail_path = argc > 4 ? argv[4] : "fuzz-failure.py";
  if (!rng_state) rng_state = 1;
  size_t heap_size = 32u << 20;
  void *heap = malloc(heap_size);
  py_init(heap, heap_size, __builtin_frame_address(0));
  static char buf[1 << 16];
  long ok = 0, syntax = 0;
  Value fname = str_from_cstr("fuzz.py");
  vm.extra_roots[1] = fname;
  for (long i = 0; i < iters; i++) {
    size_t n = gen_input(buf, sizeof buf - 1);
    buf[n] = 0;
    Nlr nl;
    if (NLR_TRY(nl)) {
      compile_source(buf, n, fname, (int)(i % 3 == 0));
      nlr_pop();
      ok++;
    } else {
      Value e = vm.raised;
      bool good = isinst(e, &SyntaxError_type);
      if (good) {
        Value d = instance_dict(e);
        Value line = dict_get_str(d, intern_cstr("lineno"));
        good = line && IS_SMALL(line) && SMALL_VAL(line) >= 1;
      }
      if (!good) {
        FILE *f = fopen(fail_path, "wb");
        if (f) {
          fwrite(buf, 1, n, f);
          fclose(f);
        }
        fprintf(stderr, "fuzz: iteration %ld: unexpected %s (input saved to %s)\n", i, type_name(e), fail_path);
        exc_print(e, VNULL);
        return 1;
      }
      syntax++;
    }
  }
  printf("fuzz: %ld inputs, %ld compiled, %ld SyntaxError, 0 failures\n", iters, ok, syntax);
  return 0;
}
