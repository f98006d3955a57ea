/*
** The shipped lexicon: the words of unlabeled Arabic news (folded as the
** segmenter folds them, core/segment.h), each with how often it was seen
** and two word classes learned without labels (tools/train_lexicon.c, the
** exchange algorithm on a class bigram model): a fine class (words used
** alike: surnames of foreign politicians, Arab capitals, verbs of speech)
** and a coarse one that groups fine classes. The entity tagger uses the
** classes as features (a name never seen in training shares the class of
** names that were); a reader that asks "is this a word of the language"
** can use the counts. The table (core/lexicon_data.c) is generated, with a
** format version and a checksum; `make train` rebuilds it byte for byte.
**
** Words are found by a 32-bit hash of their folded UTF-8: a word outside
** the table is taken for one inside with a probability of about
** nWords / 2^32 (3e-5).
**
** Pure C, no allocation: the table is static data.
*/
#ifndef ARABIC_LEXICON_H
#define ARABIC_LEXICON_H

#include <stdint.h>

#define AR_LEXICON_MAGIC 0x4C455841u /* "AXEL" */
#define AR_LEXICON_FORMAT 1

/* A value: fine class (10 bits), coarse class (6 bits), count (16 bits,
** saturated). 0: not in the table. */
#define AR_LEXICON_MAX_CLASSES 1024
#define AR_LEXICON_MAX_COARSE 64
#define AR_LEXICON_MAX_COUNT 65535
#define AR_LEXICON_VALUE(cls, coarse, count) (((cls) << 22) | ((coarse) << 16) | (count))
#define AR_LEXICON_CLASS(v) ((int)((v) >> 22))
#define AR_LEXICON_COARSE(v) ((int)(((v) >> 16) & 63))
#define AR_LEXICON_COUNT(v) ((int)((v) & 0xFFFF))

typedef struct ArLexiconData {
  uint32_t magic;        /* AR_LEXICON_MAGIC */
  int version;           /* AR_LEXICON_FORMAT */
  int nClasses, nCoarse; /* classes are 0..nClasses-1, coarse 0..nCoarse-1 */
  int nWords;
  uint32_t mask;         /* slots - 1 (a power of two) */
  const uint32_t *aKey;  /* per slot: word hash, 0 for an empty slot */
  const uint32_t *aValue;/* per slot: AR_LEXICON_VALUE */
  uint32_t checksum;     /* ar_lexicon_checksum() of the above */
} ArLexiconData;

/* The shipped table (core/lexicon_data.c). */
extern const ArLexiconData ar_lexicon_data;

/* The hash of a folded word (never 0) and its first slot. */
uint32_t ar_lexicon_hash(const char *z, int n);
static inline uint32_t ar_lexicon_slot(uint32_t h, uint32_t mask) {
  h ^= h >> 15;
  h *= 0x2C1B3C6Du;
  h ^= h >> 12;
  return h & mask;
}

uint32_t ar_lexicon_checksum(const ArLexiconData *d);

/* 0 when the table is sound (magic, format, checksum), else 1 and *pzErr
** (static text). */
int ar_lexicon_check(const ArLexiconData *d, const char **pzErr);

/* The value of a word by its hash (AR_LEXICON_VALUE), or 0. */
static inline uint32_t ar_lexicon_find_hash(const ArLexiconData *d, uint32_t h) {
  uint32_t j = ar_lexicon_slot(h, d->mask), k;
  while ((k = d->aKey[j]) != 0) {
    if (k == h) return d->aValue[j];
    j = (j + 1) & d->mask;
  }
  return 0;
}

/* The value of the folded word z[0..n), or 0. */
static inline uint32_t ar_lexicon_find(const ArLexiconData *d, const char *z, int n) {
  return ar_lexicon_find_hash(d, ar_lexicon_hash(z, n));
}

#endif
