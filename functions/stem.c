/*
** Light stemming for search (see stem.h for the design).
*/
#include "stem.h"

#include <string.h>

enum {
  ALEF = 0x0627, BEH = 0x0628, TEH_MARBUTA = 0x0629, TEH = 0x062A, HAH = 0x062D,
  DAL = 0x062F, THAL = 0x0630, SEEN = 0x0633, AIN = 0x0639, FEH = 0x0641, QAF = 0x0642,
  KAF = 0x0643, LAM = 0x0644, MEEM = 0x0645, NOON = 0x0646, HEH = 0x0647, WAW = 0x0648,
  YEH = 0x064A
};

typedef struct Affix {
  uint32_t c[4];
  int n;
} Affix;

/* The shortest stem an affix may leave behind, in letters. */
#define MIN_STEM 3

/* The article with the prepositions and conjunctions that attach to it,
** longest first so that وبال wins over وال. */
static const Affix aArticle[] = {
    {{WAW, BEH, ALEF, LAM}, 4}, {{WAW, KAF, ALEF, LAM}, 4}, {{FEH, BEH, ALEF, LAM}, 4},
    {{FEH, KAF, ALEF, LAM}, 4}, {{WAW, ALEF, LAM}, 3},      {{FEH, ALEF, LAM}, 3},
    {{BEH, ALEF, LAM}, 3},      {{KAF, ALEF, LAM}, 3},      {{WAW, LAM, LAM}, 3},
    {{FEH, LAM, LAM}, 3},       {{LAM, LAM}, 2},            {{ALEF, LAM}, 2},
};

/* Inflectional suffixes: feminine plural, feminine singular, attached
** pronouns. One is removed, longest first. ة is listed for text folded with
** teh_marbuta 0. Plural ون/ين is not: too many names end in it (بوتين,
** الكرملين, فلسطين). */
static const Affix aSuffix[] = {
    {{HEH, MEEM, ALEF}, 3}, {{KAF, MEEM, ALEF}, 3}, {{ALEF, TEH}, 2},
    {{HEH, ALEF}, 2},       {{HEH, MEEM}, 2},       {{HEH, NOON}, 2},
    {{KAF, MEEM}, 2},       {{TEH_MARBUTA}, 1},     {{HEH}, 1},
};

/* Single-letter proclitics a document word may carry before its stem:
** a conjunction (و ف), then a preposition (ب ك ل) or the future particle
** (س, only before the prefix of an imperfect verb: سيقول). */
static int is_conjunction(uint32_t c) { return c == WAW || c == FEH; }
static int is_proclitic_at(const uint32_t *w, int n, int i) {
  if (i >= n) return 0;
  if (w[i] == BEH || w[i] == KAF || w[i] == LAM) return 1;
  return w[i] == SEEN && i + 1 < n &&
         (w[i + 1] == YEH || w[i + 1] == TEH || w[i + 1] == NOON || w[i + 1] == ALEF);
}

static int starts_with(const uint32_t *w, int n, const Affix *a) {
  return n >= a->n && memcmp(w, a->c, (size_t)a->n * sizeof(uint32_t)) == 0;
}

static int ends_with(const uint32_t *w, int n, const Affix *a) {
  return n >= a->n && memcmp(w + n - a->n, a->c, (size_t)a->n * sizeof(uint32_t)) == 0;
}

static int is_arabic_word(const uint32_t *w, int n) {
  int i;
  for (i = 0; i < n; i++) {
    if (w[i] < 0x0620 || w[i] > 0x06FF) return 0;
  }
  return n > 0;
}

ArForm ar_stem_search_form(const uint32_t *w, int n) {
  ArForm f = {0, n};
  size_t i;
  if (!is_arabic_word(w, n)) return f;
  for (i = 0; i < sizeof(aArticle) / sizeof(aArticle[0]); i++) {
    if (starts_with(w, n, &aArticle[i]) && n - aArticle[i].n >= MIN_STEM) {
      f.start = aArticle[i].n;
      f.len = n - aArticle[i].n;
      break;
    }
  }
  for (i = 0; i < sizeof(aSuffix) / sizeof(aSuffix[0]); i++) {
    if (ends_with(w + f.start, f.len, &aSuffix[i]) && f.len - aSuffix[i].n >= MIN_STEM) {
      f.len -= aSuffix[i].n;
      break;
    }
  }
  return f;
}

static int same_form(const uint32_t *w, ArForm a, ArForm b) {
  return a.len == b.len && memcmp(w + a.start, w + b.start, (size_t)a.len * sizeof(uint32_t)) == 0;
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
  int nForm = add_reading(w, n, 0, aForm, 0);
  if (nForm == 0) {
    aForm[0].start = 0;
    aForm[0].len = n;
    return 1;
  }
  if (!is_arabic_word(w, n)) return nForm;
  if (n > 0 && is_conjunction(w[0])) {
    nForm = add_reading(w, n, 1, aForm, nForm);
    if (is_proclitic_at(w, n, 1)) nForm = add_reading(w, n, 2, aForm, nForm);
  } else if (is_proclitic_at(w, n, 0)) {
    nForm = add_reading(w, n, 1, aForm, nForm);
  }
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
    if (skip && !(n > 2 && is_conjunction(w[0]))) break;
    for (i = 0; i < sizeof(aStop) / sizeof(aStop[0]); i++) {
      if (aStop[i].n == n - skip &&
          memcmp(w + skip, aStop[i].c, (size_t)aStop[i].n * sizeof(uint32_t)) == 0)
        return 1;
    }
  }
  return 0;
}
