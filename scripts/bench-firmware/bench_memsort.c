/*
 * Load/store-heavy benchmark: block copies with memcpy, an insertion sort and a quicksort of
 * word arrays, and read-modify-write updates of an array of structs, ROUNDS times. About 200
 * million guest instructions at the default ROUNDS (see README.md). Prints a checksum of all
 * results and exits 0.
 */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#ifndef ROUNDS
#define ROUNDS 377
#endif
#define INSERTION_LEN 256
#define QUICK_LEN 2048
#define BLOCK_LEN 8192
#define PARTICLES 256

struct particle {
  int32_t x, y;
  int16_t vx, vy;
  uint8_t flags;
  uint8_t hits;
};

static uint32_t seed = 1;
static uint32_t src_block[BLOCK_LEN / 4], dst_block[BLOCK_LEN / 4];
static uint32_t small[INSERTION_LEN];
static uint32_t big[QUICK_LEN];
static struct particle particles[PARTICLES];

static uint32_t next_random(void) {
  seed = seed * 1664525u + 1013904223u;
  return seed;
}

static void insertion_sort(uint32_t *a, int n) {
  for (int i = 1; i < n; i++) {
    uint32_t v = a[i];
    int j = i - 1;
    while (j >= 0 && a[j] > v) {
      a[j + 1] = a[j];
      j--;
    }
    a[j + 1] = v;
  }
}

static void quick_sort(uint32_t *a, int lo, int hi) {
  while (lo < hi) {
    uint32_t pivot = a[lo + (hi - lo) / 2];
    int i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) i++;
      while (a[j] > pivot) j--;
      if (i <= j) {
        uint32_t t = a[i];
        a[i] = a[j];
        a[j] = t;
        i++;
        j--;
      }
    }
    /* Recurse into the smaller half, loop on the larger: bounded stack depth. */
    if (j - lo < hi - i) {
      quick_sort(a, lo, j);
      lo = i;
    } else {
      quick_sort(a, i, hi);
      hi = j;
    }
  }
}

static void update_particles(void) {
  for (int i = 0; i < PARTICLES; i++) {
    struct particle *p = &particles[i];
    p->x += p->vx;
    p->y += p->vy;
    if (p->x < 0 || p->x > 100000) {
      p->vx = (int16_t)-p->vx;
      p->hits++;
      p->flags ^= 1;
    }
    if (p->y < 0 || p->y > 100000) {
      p->vy = (int16_t)-p->vy;
      p->hits++;
      p->flags ^= 2;
    }
  }
}

static uint32_t mix(uint32_t h, uint32_t v) { return (h ^ v) * 16777619u; }

int main(void) {
  for (int i = 0; i < PARTICLES; i++) {
    particles[i].x = (int32_t)(next_random() % 100000);
    particles[i].y = (int32_t)(next_random() % 100000);
    particles[i].vx = (int16_t)(next_random() % 2001) - 1000;
    particles[i].vy = (int16_t)(next_random() % 2001) - 1000;
  }
  uint32_t h = 2166136261u;
  for (unsigned r = 0; r < ROUNDS; r++) {
    for (unsigned i = 0; i < BLOCK_LEN / 4; i++) {
      src_block[i] = next_random();
    }
    for (int k = 0; k < 8; k++) {
      memcpy(dst_block, src_block, BLOCK_LEN);
      memcpy(src_block, dst_block + 1, BLOCK_LEN - 4);
    }
    h = mix(h, dst_block[r % (BLOCK_LEN / 4)]);

    for (int i = 0; i < INSERTION_LEN; i++) {
      small[i] = next_random() >> 8;
    }
    insertion_sort(small, INSERTION_LEN);
    h = mix(h, small[0]);
    h = mix(h, small[INSERTION_LEN / 2]);

    for (int i = 0; i < QUICK_LEN; i++) {
      big[i] = next_random();
    }
    quick_sort(big, 0, QUICK_LEN - 1);
    h = mix(h, big[QUICK_LEN / 3]);

    for (int k = 0; k < 16; k++) {
      update_particles();
    }
  }
  uint32_t ph = 0;
  for (int i = 0; i < PARTICLES; i++) {
    ph = mix(ph, (uint32_t)particles[i].x ^ (uint32_t)particles[i].y << 1 ^ particles[i].hits);
  }
  int sorted = 1;
  for (int i = 1; i < QUICK_LEN; i++) {
    sorted &= big[i - 1] <= big[i];
  }
  printf("bench_memsort: rounds=%u sorted=%d checksum=%08lx particles=%08lx\n",
         (unsigned)ROUNDS, sorted, (unsigned long)h, (unsigned long)ph);
  return 0;
}
