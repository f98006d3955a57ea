/*
** libFuzzer target: the transliteration and collation cores on arbitrary
** bytes.
**
** Input: one byte choosing the scheme, then the text. Checks that
** translit and untranslit stay within ar_translit_bound() (the buffers are
** exactly that size, so AddressSanitizer sees any overrun), that the
** Buckwalter schemes round-trip valid UTF-8 exactly, and that the text cut
** in three parts compares consistently under COLLATE arabic: antisymmetric,
** transitive, and equal exactly when arabic_normalize() gives equal text.
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/alloc.h"
#include "../../core/collation.h"
#include "../../core/normalize.h"
#include "../../core/translit.h"
#include "../../core/utf8.h"

static int valid_utf8(const unsigned char *z, int n) {
  int i = 0;
  while (i < n) {
    int j = i;
    if (ar_utf8_decode(z, n, &j) == AR_REPLACEMENT_CHAR && j - i != 3) return 0;
    i = j;
  }
  return 1;
}

static int sign(int x) {
  return (x > 0) - (x < 0);
}

static int normalized_equal(const ArNormalizer *n, const char *a, int na, const char *b, int nb) {
  char *za, *zb;
  int la, lb, eq;
  if (ar_normalize_text(n, a, na, &za, &la) != AR_OK) abort();
  if (ar_normalize_text(n, b, nb, &zb, &lb) != AR_OK) abort();
  eq = la == lb && memcmp(za, zb, (size_t)la) == 0;
  ar_free(za);
  ar_free(zb);
  return eq;
}

static void check_translit(const ArTranslitScheme *s, const char *z, int n) {
  char *zOut = malloc(ar_translit_bound((size_t)n)), *zBack;
  size_t nOut, nBack;
  if (!zOut) abort();
  nOut = ar_translit(s, z, n, zOut);
  if (nOut >= ar_translit_bound((size_t)n) || zOut[nOut] != 0) abort();
  if (!valid_utf8((const unsigned char *)zOut, (int)nOut)) abort();
  if (ar_translit_reversible(s)) {
    zBack = malloc(ar_translit_bound(nOut));
    if (!zBack) abort();
    nBack = ar_untranslit(s, zOut, (int)nOut, zBack);
    if (valid_utf8((const unsigned char *)z, n) && (nBack != (size_t)n || memcmp(zBack, z, (size_t)n) != 0))
      abort();
    free(zBack);
    /* The reverse direction on the raw bytes, too. */
    zBack = malloc(ar_translit_bound((size_t)n));
    if (!zBack) abort();
    nBack = ar_untranslit(s, z, n, zBack);
    if (nBack >= ar_translit_bound((size_t)n) || zBack[nBack] != 0) abort();
    free(zBack);
  }
  free(zOut);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static const char *azScheme[] = {"buckwalter", "safe-buckwalter", "readable"};
  static ArNormalizer norm;
  static int ready = 0;
  const char *z = (const char *)data + 1;
  int n = (int)size - 1, i;
  const char *p[3];
  int np[3];
  if (size < 1 || size > 1 << 16) return 0;
  if (!ready) {
    ar_normalizer_init(&norm, AR_FOLD_DEFAULT);
    ready = 1;
  }
  check_translit(ar_translit_scheme(azScheme[data[0] % 3]), z, n);

  /* Three parts of the text, cut at thirds. */
  p[0] = z;
  np[0] = n / 3;
  p[1] = z + np[0];
  np[1] = n / 3;
  p[2] = p[1] + np[1];
  np[2] = n - 2 * (n / 3);
  for (i = 0; i < 3; i++) {
    int j = (i + 1) % 3, k = (i + 2) % 3;
    int ij = sign(ar_collate(&norm, p[i], np[i], p[j], np[j]));
    int ji = sign(ar_collate(&norm, p[j], np[j], p[i], np[i]));
    int jk = sign(ar_collate(&norm, p[j], np[j], p[k], np[k]));
    int ik = sign(ar_collate(&norm, p[i], np[i], p[k], np[k]));
    if (ij != -ji) abort();
    if ((ij == 0) != normalized_equal(&norm, p[i], np[i], p[j], np[j])) abort();
    if (ij <= 0 && jk <= 0 && ik != (ij < jk ? ij : jk)) abort();
    if (ar_collate(&norm, p[i], np[i], p[i], np[i]) != 0) abort();
  }
  return 0;
}
