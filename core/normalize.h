/*
** The Arabic normalization core: one implementation of every fold, shared
** by the FTS5 tokenizer, arabic_normalize(), the stemmer, names and
** entities, so that the document side, the query side and the SQL
** functions can never disagree.
**
** Pure C: no SQLite calls but the allocator (through ar_malloc/ar_free in
** alloc.h), utf8proc only for code points above U+07FF.
**
** Design: a normalizer holds a table for U+0000..U+07FF (ASCII, Latin,
** Greek, Cyrillic, Hebrew, Arabic, Arabic Supplement) built once from the
** fold flags. Each entry gives the folded code point and a character class,
** so the hot path is one decode, one load and one encode per character.
** Anything above U+07FF or flagged AR_T_SLOW takes ar_norm_map_slow().
*/
#ifndef ARABIC_NORMALIZE_H
#define ARABIC_NORMALIZE_H

#include <stdint.h>

/* Fold steps; each one is an option of the same name (see options.c). */
#define AR_FOLD_DIACRITICS  0x0001 /* harakat, shadda, sukun, U+0670, Quranic marks */
#define AR_FOLD_TATWEEL     0x0002 /* U+0640 */
#define AR_FOLD_INVISIBLE   0x0004 /* ZWNJ, ZWJ, LRM, RLM, ALM, ZWSP, BOM, soft hyphen, bidi controls */
#define AR_FOLD_COMPAT      0x0008 /* Arabic presentation forms -> letters (NFKC) */
#define AR_FOLD_ALEF        0x0010 /* أ إ آ ٱ ٲ ٳ -> ا */
#define AR_FOLD_YEH         0x0020 /* ى -> ي */
#define AR_FOLD_TEH_MARBUTA 0x0040 /* ة -> ه */
#define AR_FOLD_PERSIAN     0x0080 /* ک -> ك, ی ے -> ي, ۀ ہ ە ھ -> ه, ں -> ن */
#define AR_FOLD_HAMZA       0x0100 /* ؤ -> و, ئ -> ي */
#define AR_FOLD_DIGITS      0x0200 /* ٠-٩ and ۰-۹ -> 0-9 */
#define AR_FOLD_CASE        0x0400 /* simple lower-casing of every cased script */
#define AR_FOLD_LATIN_MARKS 0x0800 /* Latin letters lose their diacritics (é -> e) */

#define AR_FOLD_DEFAULT                                                                   \
  (AR_FOLD_DIACRITICS | AR_FOLD_TATWEEL | AR_FOLD_INVISIBLE | AR_FOLD_COMPAT | AR_FOLD_ALEF | \
   AR_FOLD_YEH | AR_FOLD_TEH_MARBUTA | AR_FOLD_PERSIAN | AR_FOLD_HAMZA | AR_FOLD_DIGITS |    \
   AR_FOLD_CASE | AR_FOLD_LATIN_MARKS)

/* Only AR_FOLD_DIACRITICS and AR_FOLD_TATWEEL: what arabic_strip_diacritics() does. */
#define AR_FOLD_STRIP_ONLY (AR_FOLD_DIACRITICS | AR_FOLD_TATWEEL)

/* Character classes, as the tokenizer sees them. */
#define AR_CLS_SEP    0 /* whitespace, punctuation, symbols, U+FFFD: ends a word */
#define AR_CLS_ARABIC 1 /* a letter of the Arabic script */
#define AR_CLS_DIGIT  2 /* any decimal digit or other number */
#define AR_CLS_LETTER 3 /* a letter of any other script, or private use */
#define AR_CLS_JOIN   4 /* mark, tatweel, invisible format: inside a word, never starts one */

/* Table entry layout. */
#define AR_T_CP_MASK  0x001FFFFFu
#define AR_T_CLS_SHIFT 24
#define AR_T_DROP     0x10000000u /* removed from the output */
#define AR_T_SLOW     0x20000000u /* expands to several code points: use the slow path */
#define AR_T_SPECIAL  (AR_T_DROP | AR_T_SLOW)

#define AR_TABLE_SIZE 0x800

/* The longest expansion of one code point (U+FDFD, the basmala ligature). */
#define AR_MAX_EXPANSION 32

typedef struct ArNormalizer {
  unsigned flags;                 /* AR_FOLD_* */
  uint32_t table[AR_TABLE_SIZE];  /* folded code point | class | AR_T_* bits */
} ArNormalizer;

/* Fill n for the given flags. Pure, allocation-free, deterministic. */
void ar_normalizer_init(ArNormalizer *n, unsigned flags);

/* Map one code point outside the fast table (or flagged AR_T_SLOW).
** Writes 0..AR_MAX_EXPANSION code points to out, returns how many, and
** sets *pCls to the class of cp. */
int ar_norm_map_slow(const ArNormalizer *n, uint32_t cp, uint32_t *out, int *pCls);

/* Map one code point: the hot path. Same contract as ar_norm_map_slow(). */
static inline int ar_norm_map(const ArNormalizer *n, uint32_t cp, uint32_t *out, int *pCls) {
  if (cp < AR_TABLE_SIZE) {
    uint32_t e = n->table[cp];
    if (!(e & AR_T_SPECIAL)) {
      *pCls = (int)(e >> AR_T_CLS_SHIFT) & 7;
      out[0] = e & AR_T_CP_MASK;
      return 1;
    }
    if (e & AR_T_DROP) {
      *pCls = (int)(e >> AR_T_CLS_SHIFT) & 7;
      return 0;
    }
  }
  return ar_norm_map_slow(n, cp, out, pCls);
}

/* Canonical composition of a base letter and a following U+0653..U+0655
** (madda, hamza above, hamza below), as NFC would do it: decomposed input
** then folds exactly like precomposed input. Returns 0 if they do not
** compose. */
static inline uint32_t ar_compose_hamza(uint32_t base, uint32_t mark) {
  switch (mark) {
    case 0x0653: return base == 0x0627 ? 0x0622 : 0;
    case 0x0654:
      switch (base) {
        case 0x0627: return 0x0623;
        case 0x0648: return 0x0624;
        case 0x064A: return 0x0626;
        case 0x06D5: return 0x06C0;
        case 0x06C1: return 0x06C2;
        case 0x06D2: return 0x06D3;
        default: return 0;
      }
    case 0x0655: return base == 0x0627 ? 0x0625 : 0;
    default: return 0;
  }
}

/* The class of a code point, whatever the flags. */
int ar_char_class(const ArNormalizer *n, uint32_t cp);

/* Normalize running text: every fold applied, separators (spaces,
** punctuation) copied unchanged, malformed UTF-8 replaced by U+FFFD.
** On success *pzOut is a NUL-terminated buffer from ar_malloc (caller frees
** with ar_free) of *pnOut bytes. Returns 0, or AR_NOMEM. */
int ar_normalize_text(const ArNormalizer *n, const char *zIn, int nIn, char **pzOut, int *pnOut);

#endif
