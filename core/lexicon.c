/* The shipped lexicon: hashing and checking (see lexicon.h). */
#include "lexicon.h"

uint32_t ar_lexicon_hash(const char *z, int n) {
  uint32_t h = 2166136261u;
  int i;
  for (i = 0; i < n; i++) {
    h ^= (unsigned char)z[i];
    h *= 16777619u;
  }
  return h ? h : 1;
}

uint32_t ar_lexicon_checksum(const ArLexiconData *d) {
  uint32_t h = 2166136261u, i;
  const uint32_t head[] = {(uint32_t)d->nClasses, (uint32_t)d->nCoarse, (uint32_t)d->nWords, d->mask};
  for (i = 0; i < 4; i++) h = (h ^ head[i]) * 16777619u;
  for (i = 0; i <= d->mask; i++) {
    h = (h ^ d->aKey[i]) * 16777619u;
    h = (h ^ d->aValue[i]) * 16777619u;
  }
  return h;
}

int ar_lexicon_check(const ArLexiconData *d, const char **pzErr) {
  if (d->magic != AR_LEXICON_MAGIC || d->version != AR_LEXICON_FORMAT || !d->aKey || !d->aValue ||
      (d->mask & (d->mask + 1)) != 0) {
    *pzErr = "the lexicon is damaged (bad header)";
    return 1;
  }
  if (ar_lexicon_checksum(d) != d->checksum) {
    *pzErr = "the lexicon is damaged (checksum mismatch)";
    return 1;
  }
  return 0;
}
