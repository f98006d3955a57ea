/*
** Light stemming for search (see stem.h for the design).
*/
#include "stem.h"

#include <string.h>

#include "clitics.h"

enum {
  ALEF = 0x0627, BEH = 0x0628, TEH_MARBUTA = 0x0629, TEH = 0x062A, HAH = 0x062D,
  DAL = 0x062F, THAL = 0x0630, SEEN = 0x0633, AIN = 0x0639, FEH = 0x0641, QAF = 0x0642,
  KAF = 0x0643, LAM = 0x0644, MEEM = 0x0645, NOON = 0x0646, HEH = 0x0647, WAW = 0x0648,
  YEH = 0x064A
};

/* The shortest stem an affix may leave behind, in letters. */
#define MIN_STEM 3

/* Length of the definite article with the conjunction and preposition
** before it (ال لل وال فال بال كال ولل فلل وبال وكال فبال فكال), when it
** leaves MIN_STEM letters; 0 if none. */
static int article_length(const uint32_t *w, int n) {
  ArClitics c;
  ar_clitics_parse(w, n, MIN_STEM, 0, &c);
  return c.article ? ar_clitics_length(&c) : 0;
}

/* Length of one inflectional suffix: feminine plural ات, feminine ة (or ه
** once folded), attached pronouns ها هم هن كم هما كما; 0 if it would leave
** fewer than MIN_STEM letters. Branch-free: it runs for every reading of
** every word indexed. Plural
** ون/ين is not removed: too many names end in it (بوتين, الكرملين, فلسطين). */
static int suffix_length(const uint32_t *w, int n) {
  uint32_t last, b1, b2;
  int one, two, three, k;
  if (n < MIN_STEM + 1) return 0;
  last = w[n - 1];
  b1 = w[n - 2];
  b2 = w[n - 3];
  one = (last == TEH_MARBUTA) | (last == HEH);
  two = ((last == TEH) & (b1 == ALEF)) | ((last == MEEM) & ((b1 == HEH) | (b1 == KAF))) |
        ((last == NOON) & (b1 == HEH)) | ((last == ALEF) & (b1 == HEH));
  three = (last == ALEF) & (b1 == MEEM) & ((b2 == HEH) | (b2 == KAF));
  k = one + 2 * two + 3 * three;
  return n - k >= MIN_STEM ? k : 0;
}

ArForm ar_stem_search_form(const uint32_t *w, int n) {
  ArForm f;
  f.start = article_length(w, n);
  f.len = n - f.start;
  f.len -= suffix_length(w + f.start, f.len);
  return f;
}

static int same_form(const uint32_t *w, ArForm a, ArForm b) {
  int i;
  if (a.len != b.len) return 0;
  if (a.start == b.start) return 1;
  for (i = 0; i < a.len; i++) {
    if (w[a.start + i] != w[b.start + i]) return 0;
  }
  return 1;
}

/* Add the search form of the reading w[skip..n) unless already there. */
static int add_reading(const uint32_t *w, int n, int skip, ArForm *aForm, int nForm) {
  ArForm f;
  int i;
  if (n - skip < MIN_STEM || nForm >= AR_STEM_MAX_FORMS) return nForm;
  f = ar_stem_search_form(w + skip, n - skip);
  f.start += skip;
  for (i = 0; i < nForm; i++) {
    if (same_form(w, aForm[i], f)) return nForm;
  }
  aForm[nForm] = f;
  return nForm + 1;
}

int ar_stem_document_forms(const uint32_t *w, int n, ArForm *aForm) {
  ArClitics c;
  int nForm = 1;
  aForm[0] = ar_stem_search_form(w, n);
  ar_clitics_parse(w, n, MIN_STEM, AR_CLITIC_FUTURE, &c);
  if (c.conj) nForm = add_reading(w, n, 1, aForm, nForm);
  if (c.prep) nForm = add_reading(w, n, c.conj + 1, aForm, nForm);
  return nForm;
}

/* Function words, as the default normalizer folds them (ى -> ي, أ -> ا):
** prepositions, conjunctions, particles, pronouns, demonstratives and
** relatives. Not in the list: قال, يوم and the name particles ابن, ابو, ال
** (entity search needs them). */
typedef struct StopWord {
  uint32_t c[5];
  int n;
} StopWord;

static const StopWord aStop[] = {
    {{FEH, YEH}, 2},          {{MEEM, NOON}, 2},        {{ALEF, LAM, YEH}, 3},
    {{AIN, LAM, YEH}, 3},     {{AIN, NOON}, 2},         {{MEEM, AIN}, 2},
    {{ALEF, NOON}, 2},        {{ALEF, WAW}, 2},         {{QAF, DAL}, 2},
    {{KAF, ALEF, NOON}, 3},   {{KAF, ALEF, NOON, TEH}, 4}, {{HEH, THAL, ALEF}, 3},
    {{HEH, THAL, HEH}, 3},    {{THAL, LAM, KAF}, 3},    {{TEH, LAM, KAF}, 3},
    {{ALEF, LAM, TEH, YEH}, 4}, {{ALEF, LAM, THAL, YEH}, 4}, {{ALEF, LAM, THAL, YEH, NOON}, 5},
    {{HEH, WAW}, 2},          {{HEH, YEH}, 2},          {{HEH, MEEM}, 2},
    {{MEEM, ALEF}, 2},        {{LAM, ALEF}, 2},         {{LAM, MEEM}, 2},
    {{LAM, NOON}, 2},         {{KAF, LAM}, 2},          {{BEH, AIN, DAL}, 3},
    {{BEH, YEH, NOON}, 3},    {{HAH, TEH, YEH}, 3},     {{ALEF, THAL, ALEF}, 3},
    {{AIN, NOON, DAL}, 3},    {{MEEM, NOON, THAL}, 3},  {{ALEF, YEH}, 2},
    {{KAF, MEEM, ALEF}, 3},   {{LAM, KAF, NOON}, 3},    {{BEH, LAM}, 2},
    {{THAL, ALEF}, 2},        {{ALEF, THAL}, 2},        {{MEEM, MEEM, ALEF}, 3},
};

int ar_is_stop_word(const uint32_t *w, int n) {
  size_t i;
  int skip;
  for (skip = 0; skip <= 1; skip++) {
    if (skip && !(n > 2 && ar_is_conjunction(w[0]))) break;
    for (i = 0; i < sizeof(aStop) / sizeof(aStop[0]); i++) {
      if (aStop[i].n == n - skip &&
          memcmp(w + skip, aStop[i].c, (size_t)aStop[i].n * sizeof(uint32_t)) == 0)
        return 1;
    }
  }
  return 0;
}
