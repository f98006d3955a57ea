/*
** libFuzzer target: the normalization core on arbitrary bytes.
**
** Input: two bytes of fold flags (any AR_FOLD_* combination), then the
** text. Checks that the output is valid UTF-8 with no U+FFFD the input did
** not call for, and that with the default folds a second pass changes
** nothing (the tokenizer and arabic_normalize rely on folding being
** idempotent: a folded query must match a folded document).
*/
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "../../core/alloc.h"
#include "../../core/normalize.h"
#include "../../core/utf8.h"

/* Every byte sequence of z decodes without a replacement. */
static int valid_utf8(const char *z, int n) {
  int i = 0;
  while (i < n) {
    int j = i;
    uint32_t c = ar_utf8_decode((const unsigned char *)z, n, &j);
    /* An encoded U+FFFD is 3 bytes; a bad byte decodes to U+FFFD in 1. */
    if (c == AR_REPLACEMENT_CHAR && j - i != 3) return 0;
    i = j;
  }
  return 1;
}

/* The normalizer of each flag combination, built on first use (building
** one costs more than normalizing a short input). */
static const ArNormalizer *normalizer(unsigned flags) {
  static ArNormalizer *apNorm[0x1000];
  if (!apNorm[flags]) {
    apNorm[flags] = malloc(sizeof(ArNormalizer));
    if (!apNorm[flags]) abort();
    ar_normalizer_init(apNorm[flags], flags);
  }
  return apNorm[flags];
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const ArNormalizer *def = normalizer(AR_FOLD_DEFAULT);
  char *zOut = 0, *zTwice = 0;
  int nOut = 0, nTwice = 0;
  unsigned flags;
  if (size < 2 || size > 1 << 20) return 0;
  flags = ((unsigned)data[0] << 8 | data[1]) & 0x0FFF;
  if (ar_normalize_text(normalizer(flags), (const char *)data + 2, (int)size - 2, &zOut, &nOut) != AR_OK)
    abort();
  if (!valid_utf8(zOut, nOut) || zOut[nOut] != 0) abort();
  ar_free(zOut);

  if (ar_normalize_text(def, (const char *)data + 2, (int)size - 2, &zOut, &nOut) != AR_OK) abort();
  if (ar_normalize_text(def, zOut, nOut, &zTwice, &nTwice) != AR_OK) abort();
  if (nOut != nTwice || memcmp(zOut, zTwice, (size_t)nOut) != 0) abort();
  ar_free(zOut);
  ar_free(zTwice);
  return 0;
}
