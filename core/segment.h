/*
** The word segmenter: the words of a UTF-8 text, as every reader of text in
** the extension sees them. The index (core/tokenize.c), the entity engine
** (core/ner/ner_text.c), arabic_name_key() and the gazetteers all walk text
** through it, so a word is the same word everywhere.
**
** A word is a run of letters and digits of one script group: Arabic letters,
** or letters and digits of any other script (unicode61 keeps "f16" and
** "covid19" whole). So a change of script ends a word (بوتينPutin is two
** words) and Arabic letters glued to digits split (لـ3 is ل and 3). Marks,
** tatweel and invisible format characters inside a word belong to it (the
** folds usually drop them); before a word they belong to nothing. Everything
** else separates words: spaces, punctuation such as # _ @ ~, symbols, emoji,
** and each byte of malformed UTF-8 (read as U+FFFD).
**
** A decomposed hamza or madda (U+0653..U+0655 after its base letter) is
** composed first, as NFC would, so it folds like the precomposed letter.
**
** Each word comes with its folded code points (the normalizer's folds; the
** first AR_MAX_WORD_CHARS of them), the same as UTF-8, and where each came
** from in the input. Pure C: no allocation, state on the caller's stack.
*/
#ifndef ARABIC_SEGMENT_H
#define ARABIC_SEGMENT_H

#include <stdint.h>

#include "normalize.h"

/* A longer word keeps its first AR_MAX_WORD_CHARS folded code points (its
** byte range still covers all of it). The index's format depends on it. */
#define AR_MAX_WORD_CHARS 128

/* Script groups of a word. */
#define AR_GROUP_ARABIC 1
#define AR_GROUP_OTHER  2

/* Flags of ar_segmenter_init(). */
#define AR_SEG_MARKS 1 /* also report each separator that is not a space, as a mark */

/* What ar_segment_next() found. */
#define AR_SEG_END  0
#define AR_SEG_WORD 1
#define AR_SEG_MARK 2

typedef struct ArWord {
  int iStart, iEnd;               /* bytes of the word (or mark) in the input */
  int group;                      /* AR_GROUP_*; 0 for a mark */
  uint32_t before;                /* the last separator since the previous word, or 0 */
  int n;                          /* folded code points kept in cp[] (may be 0) */
  uint32_t cp[AR_MAX_WORD_CHARS]; /* for a mark: its code point as written */
  int src[AR_MAX_WORD_CHARS];     /* input byte offset of the character cp[i] comes from */
  int off[AR_MAX_WORD_CHARS + 1]; /* where cp[i] starts in z; off[n] is the end */
  char z[AR_MAX_WORD_CHARS * 4];  /* cp[] as UTF-8 */
} ArWord;

typedef struct ArSegmenter {
  const ArNormalizer *norm;
  const unsigned char *z;
  int n, i;           /* the input and the read position */
  int flags;          /* AR_SEG_* */
  uint32_t before;    /* the last separator read since the last word */
  int markStart;      /* a mark read while ending a word, reported next; -1: none */
  int markEnd;
  uint32_t markCp;
} ArSegmenter;

void ar_segmenter_init(ArSegmenter *s, const ArNormalizer *norm, const char *z, int n, int flags);

/* The next word (AR_SEG_WORD) or, with AR_SEG_MARKS, punctuation mark
** (AR_SEG_MARK) into *w; AR_SEG_END at the end of the text. */
int ar_segment_next(ArSegmenter *s, ArWord *w);

/* True for the separators that are spaces (not reported as marks). */
int ar_is_space(uint32_t c);

#endif
