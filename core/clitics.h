/*
** The proclitics of an Arabic word, one parse for search (stem.c) and for
** entities (ner/ner_text.c): "which clitics does this word carry" is one
** fact of the language, so it is written once.
**
** News writes them in one order: a conjunction (و ف), then a preposition
** (ب ك ل) or, before the prefix of an imperfect verb, the future particle
** (س: سيقول), then the definite article (ال). ل + ال is written لل, the
** alef dropped. After ل, a word's own ال is not the article (لالتقاط is
** ل + التقاط). Each part is taken only when at least AR_CLITIC_MIN_REST
** letters follow it; the article leaves at least minArticleRest (the
** caller's choice: search wants a stem of 3 letters, a name may be short).
**
** w holds the word's folded letters (as the segmenter gives them). Pure C.
*/
#ifndef ARABIC_CLITICS_H
#define ARABIC_CLITICS_H

#include <stdint.h>

#define AR_CLITIC_MIN_REST 3

/* Flags of ar_clitics_parse(). */
#define AR_CLITIC_FUTURE 1 /* also read the future particle س */

typedef struct ArClitics {
  int conj;    /* 1: و or ف */
  int prep;    /* 1: ب ك ل, or the future س (AR_CLITIC_FUTURE) */
  int article; /* 2: ال; 1: the second ل of لل (ل + ال); 0: none */
} ArClitics;

/* و or ف. */
static inline int ar_is_conjunction(uint32_t c) { return c == 0x0648 || c == 0x0641; }

/* The letters the parse looks at. */
enum { AR_CL_ALEF = 0x0627, AR_CL_BEH = 0x0628, AR_CL_TEH = 0x062A, AR_CL_SEEN = 0x0633, AR_CL_KAF = 0x0643,
       AR_CL_LAM = 0x0644, AR_CL_NOON = 0x0646, AR_CL_YEH = 0x064A };

static inline void ar_clitics_parse(const uint32_t *w, int n, int minArticleRest, int flags, ArClitics *c) {
  int p = 0;
  c->conj = c->prep = c->article = 0;
  if (n - 1 >= AR_CLITIC_MIN_REST && ar_is_conjunction(w[0])) p = c->conj = 1;
  if (n - p - 1 < AR_CLITIC_MIN_REST) return;
  if (w[p] == AR_CL_LAM && w[p + 1] == AR_CL_LAM && n - p - 2 >= minArticleRest) {
    c->prep = c->article = 1;
    return;
  }
  if (w[p] == AR_CL_BEH || w[p] == AR_CL_KAF || w[p] == AR_CL_LAM) {
    c->prep = 1;
  } else if ((flags & AR_CLITIC_FUTURE) && w[p] == AR_CL_SEEN &&
             (w[p + 1] == AR_CL_YEH || w[p + 1] == AR_CL_TEH || w[p + 1] == AR_CL_NOON || w[p + 1] == AR_CL_ALEF)) {
    c->prep = 1;
    return;
  }
  if (c->prep && w[p] == AR_CL_LAM) return;
  p += c->prep;
  if (n - p - 2 >= minArticleRest && w[p] == AR_CL_ALEF && w[p + 1] == AR_CL_LAM) c->article = 2;
}

/* Letters of the proclitics parsed in c. */
static inline int ar_clitics_length(const ArClitics *c) { return c->conj + c->prep + c->article; }

#endif
