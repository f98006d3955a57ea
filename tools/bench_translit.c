/*
** Timing of transliteration and of COLLATE arabic (make bench; not part of
** make test).
**
**   build/tools/bench_translit [DIR]
**
** Reads the .txt files of DIR (default ../shared/corpus/seeds), repeats the text to
** about 10 MB and reports arabic_translit / arabic_untranslit throughput in
** MB of input per second for each scheme (the best of 5 runs). Then it takes the words of the
** text and reports comparisons per second on random pairs and the time to
** sort 200,000 words, for BINARY (memcmp), COLLATE arabic (ar_collate) and
** ICU's Arabic collator (ucol_strcollUTF8, primary and default strength),
** and whether ICU at primary strength groups the spellings that
** COLLATE arabic groups.
*/
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <unicode/ucol.h>

#include "../core/collation.h"
#include "../core/translit.h"

#define TARGET_BYTES (10 * 1000 * 1000)
#define N_PAIRS 2000000
#define N_SORT 200000

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* The .txt files of zDir, concatenated. */
static char *read_dir(const char *zDir, size_t *pn) {
  DIR *d = opendir(zDir);
  struct dirent *e;
  char *z = 0, zPath[4096];
  size_t n = 0;
  if (!d) return 0;
  while ((e = readdir(d)) != 0) {
    FILE *f;
    long len;
    size_t l = strlen(e->d_name);
    if (l < 4 || strcmp(e->d_name + l - 4, ".txt") != 0) continue;
    snprintf(zPath, sizeof(zPath), "%s/%s", zDir, e->d_name);
    f = fopen(zPath, "rb");
    if (!f) continue;
    fseek(f, 0, SEEK_END);
    len = ftell(f);
    fseek(f, 0, SEEK_SET);
    z = realloc(z, n + (size_t)len + 1);
    n += fread(z + n, 1, (size_t)len, f);
    fclose(f);
  }
  closedir(d);
  *pn = n;
  return z;
}

typedef struct Word {
  const char *z;
  int n;
} Word;

static UCollator *g_icu;
static const ArNormalizer *g_norm;
static ArNormalizer g_normalizer;

static int cmp_binary(const void *a, const void *b) {
  const Word *x = a, *y = b;
  int c = memcmp(x->z, y->z, (size_t)(x->n < y->n ? x->n : y->n));
  return c ? c : x->n - y->n;
}

static int cmp_arabic(const void *a, const void *b) {
  const Word *x = a, *y = b;
  return ar_collate(g_norm, x->z, x->n, y->z, y->n);
}

static int cmp_icu(const void *a, const void *b) {
  const Word *x = a, *y = b;
  UErrorCode st = U_ZERO_ERROR;
  return ucol_strcollUTF8(g_icu, x->z, x->n, y->z, y->n, &st);
}

static unsigned g_seed = 12345;
static unsigned next_rand(void) {
  g_seed = g_seed * 1103515245u + 12345u;
  return g_seed >> 8;
}

/* The best of REPS runs: the machine may be shared. */
#define REPS 5

static void bench_compare(const char *zName, int (*cmp)(const void *, const void *), Word *aw, int nw) {
  double best = 1e9, bestSort = 1e9;
  long i, acc = 0;
  int r;
  Word *sorted = malloc(sizeof(Word) * N_SORT);
  for (r = 0; r < REPS; r++) {
    double t0;
    g_seed = 12345;
    t0 = now();
    for (i = 0; i < N_PAIRS; i++) {
      Word *a = &aw[next_rand() % (unsigned)nw], *b = &aw[next_rand() % (unsigned)nw];
      acc += cmp(a, b) < 0;
    }
    if (now() - t0 < best) best = now() - t0;
    for (i = 0; i < N_SORT; i++) sorted[i] = aw[next_rand() % (unsigned)nw];
    t0 = now();
    qsort(sorted, N_SORT, sizeof(Word), cmp);
    if (now() - t0 < bestSort) bestSort = now() - t0;
  }
  printf("  %-22s %6.2f M comparisons/s   sort of %d words: %6.1f ms   (%ld)\n", zName,
         N_PAIRS / best / 1e6, N_SORT, bestSort * 1e3, acc % 10);
  free(sorted);
}

static int icu_equal(const char *a, const char *b) {
  UErrorCode st = U_ZERO_ERROR;
  return ucol_strcollUTF8(g_icu, a, -1, b, -1, &st) == UCOL_EQUAL;
}

int main(int argc, char **argv) {
  const char *zDir = argc > 1 ? argv[1] : "../shared/corpus/seeds";
  const char *azScheme[] = {"buckwalter", "safe-buckwalter", "readable"};
  const char *azSame[][2] = {{"أحمد", "احمد"}, {"أَحْمَد", "احمد"}, {"كتــاب", "كتاب"},
                             {"مدرسة", "مدرسه"}, {"على", "علي"},   {"مسؤول", "مسوول"},
                             {"٢٠٢٤", "2024"},   {"إبراهيم", "ابراهيم"}};
  size_t nSeed, nText = 0, k;
  char *zSeed = read_dir(zDir, &nSeed), *zText, *zOut, *zBack;
  Word *aw;
  int nw = 0, i;
  UErrorCode st = U_ZERO_ERROR;
  if (!zSeed || nSeed == 0) {
    fprintf(stderr, "bench_translit: no .txt files in %s\n", zDir);
    return 1;
  }
  zText = malloc(TARGET_BYTES + nSeed);
  while (nText < TARGET_BYTES) {
    memcpy(zText + nText, zSeed, nSeed);
    nText += nSeed;
  }
  zOut = malloc(ar_translit_bound(nText));
  printf("transliteration of %s repeated to %.1f MB (MB of input per second):\n", zDir, nText / 1e6);
  for (k = 0; k < 3; k++) {
    const ArTranslitScheme *s = ar_translit_scheme(azScheme[k]);
    double t0, dt = 1e9, dtBack = 1e9;
    size_t nOut = 0, nBack = 0;
    int r;
    for (r = 0; r < REPS; r++) {
      t0 = now();
      nOut = ar_translit(s, zText, (int)nText, zOut);
      if (now() - t0 < dt) dt = now() - t0;
    }
    zBack = malloc(ar_translit_bound(nOut));
    for (r = 0; r < REPS && ar_translit_reversible(s); r++) {
      t0 = now();
      nBack = ar_untranslit(s, zOut, (int)nOut, zBack);
      if (now() - t0 < dtBack) dtBack = now() - t0;
    }
    printf("  %-16s translit %7.1f MB/s", azScheme[k], nText / dt / 1e6);
    if (ar_translit_reversible(s)) {
      printf("   untranslit %7.1f MB/s   round trip %s", nOut / dtBack / 1e6,
             nBack == nText && memcmp(zBack, zText, nText) == 0 ? "exact" : "DIFFERS");
    }
    printf("\n");
    free(zBack);
  }

  /* Words: maximal runs of bytes that are not ASCII space or punctuation. */
  aw = malloc(sizeof(Word) * (nSeed / 2 + 1));
  for (k = 0; k < nSeed;) {
    size_t start;
    while (k < nSeed && (unsigned char)zSeed[k] < 0x80 && !((zSeed[k] >= '0' && zSeed[k] <= '9') ||
                                                            ((zSeed[k] | 0x20) >= 'a' && (zSeed[k] | 0x20) <= 'z')))
      k++;
    start = k;
    while (k < nSeed && !((unsigned char)zSeed[k] < 0x80 && !((zSeed[k] >= '0' && zSeed[k] <= '9') ||
                                                             ((zSeed[k] | 0x20) >= 'a' && (zSeed[k] | 0x20) <= 'z'))))
      k++;
    if (k > start) {
      aw[nw].z = zSeed + start;
      aw[nw].n = (int)(k - start);
      nw++;
    }
  }
  ar_normalizer_init(&g_normalizer, AR_FOLD_DEFAULT);
  g_norm = &g_normalizer;
  g_icu = ucol_open("ar", &st);
  if (U_FAILURE(st)) {
    fprintf(stderr, "bench_translit: ucol_open(ar): %s\n", u_errorName(st));
    return 1;
  }
  printf("collation on %d words of the text (random pairs; qsort):\n", nw);
  bench_compare("BINARY", cmp_binary, aw, nw);
  bench_compare("COLLATE arabic", cmp_arabic, aw, nw);
  ucol_setStrength(g_icu, UCOL_PRIMARY);
  bench_compare("ICU ar, primary", cmp_icu, aw, nw);
  printf("  ICU ar at primary strength, spellings COLLATE arabic calls equal:\n");
  for (i = 0; i < (int)(sizeof(azSame) / sizeof(azSame[0])); i++) {
    printf("    %s = %s : %s\n", azSame[i][0], azSame[i][1], icu_equal(azSame[i][0], azSame[i][1]) ? "equal" : "DIFFERENT");
  }
  ucol_setStrength(g_icu, UCOL_DEFAULT);
  bench_compare("ICU ar, default", cmp_icu, aw, nw);
  ucol_close(g_icu);
  free(aw);
  free(zText);
  free(zOut);
  free(zSeed);
  return 0;
}
