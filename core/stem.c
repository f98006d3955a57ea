/*
** Light stemming for search (see stem.h for the design).
*/
#include "stem.h"

#include <string.h>

#include "clitics.h"
#include "known_forms.h"

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

/* ---- version 2 ------------------------------------------------------------ */

/* Append f to aForm[0..n) unless a form with the same letters is there. */
static int add_form(const uint32_t *w, ArForm f, ArForm *aForm, int n) {
  int i;
  if (n >= AR_STEM_MAX_FORMS) return n;
  for (i = 0; i < n; i++) {
    if (aForm[i].tail == f.tail && same_form(w, aForm[i], f)) return n;
  }
  aForm[n] = f;
  return n + 1;
}

/* Length of an attached pronoun at the end of w[0..m): ه (written ه, not ة),
** ها هم هن كم, هما كما; 0 if none or if fewer than MIN_STEM letters would
** remain. */
static int pronoun_length(const uint32_t *w, int m, int tehMarbuta) {
  int k;
  if (m < MIN_STEM + 1 || tehMarbuta) return 0;
  if (w[m - 1] == HEH) return 1;
  k = suffix_length(w, m);
  return w[m - 1] == TEH ? 0 : k; /* ات is not a pronoun */
}

/* The search forms of the reading s->w[start..n) (its article already
** removed) for side, added to aForm[0..n): the letters before an attached
** pronoun, a feminine plural read as its singular (محادثات -> محادثة), and
** the ة that a pronoun turns into ت (حكومته -> حكومة, and حكومت for the ت of
** بيته). A word ending in ة keeps it. */
static int add_suffix_forms(const ArStemWord *s, int start, int side, ArForm *aForm, int n) {
  const uint32_t *w = s->w;
  int m = s->n - start, k = pronoun_length(w + start, m, s->tehMarbuta), len = m - k;
  ArForm f = {start, len, 0};
  /* A query word ending in a written ه may be a word ending in ة typed so. */
  if (k == 1 && side != AR_STEM_DOCUMENT) {
    ArForm asTyped = {start, m, 0};
    n = add_form(w, asTyped, aForm, n);
  }
  if (len >= MIN_STEM + 1 && w[start + len - 1] == TEH && w[start + len - 2] == ALEF) {
    f.len = len - 2;
    f.tail = s->teh;
  } else if (k > 0 && w[start + len - 1] == TEH) {
    ArForm fem = {start, len - 1, s->teh};
    n = add_form(w, fem, aForm, n);
  }
  return add_form(w, f, aForm, n);
}

/* The forms of the reading that starts at skip: the word itself (0), or
** the word without its proclitic, whose forms count only if they are known
** (known_forms.h): وبوتين is read as بوتين too, بوتين is not read as وتين. */
static int add_reading_forms(const ArStemWord *s, int skip, int side, ArForm *aForm, int n) {
  ArForm a[AR_STEM_MAX_FORMS];
  int i, k, start;
  if (skip == 0) return add_suffix_forms(s, article_length(s->w, s->n), side, aForm, n);
  if (s->n - skip < MIN_STEM) return n;
  start = skip + article_length(s->w + skip, s->n - skip);
  k = add_suffix_forms(s, start, side, a, 0);
  for (i = 0; i < k; i++) {
    if (ar_is_known_form(s->w + a[i].start, a[i].len, a[i].tail)) n = add_form(s->w, a[i], aForm, n);
  }
  return n;
}

/* Length of the article (with its attached conjunction and preposition) of
** the beginning of a word typed so far, when at least 2 letters follow it. */
static int prefix_article_length(const uint32_t *w, int n) {
  ArClitics c;
  ar_clitics_parse(w, n, 2, 0, &c);
  return c.article ? ar_clitics_length(&c) : 0;
}

int ar_stem_forms(const ArStemWord *s, int side, ArForm *aForm) {
  ArClitics c;
  int n;
  if (side == AR_STEM_PREFIX) {
    /* What was typed, without its article, and its search forms; a form
    ** that another one begins adds nothing to an OR of prefixes. */
    int start = prefix_article_length(s->w, s->n), i, j, k = 0;
    ArForm typed = {start, s->n - start, 0}, a[AR_STEM_MAX_FORMS];
    n = add_form(s->w, typed, a, 0);
    n = add_suffix_forms(s, start, AR_STEM_QUERY, a, n);
    for (i = 0; i < n; i++) {
      for (j = 0; j < n && !(j != i && a[j].tail == 0 && a[j].len < a[i].len + (a[i].tail != 0)); j++) {
      }
      if (j == n) aForm[k++] = a[i];
    }
    return k;
  }
  n = add_reading_forms(s, 0, side, aForm, 0);
  if (side == AR_STEM_QUERY) return n;
  ar_clitics_parse(s->w, s->n, MIN_STEM, AR_CLITIC_FUTURE, &c);
  if (c.conj) n = add_reading_forms(s, 1, side, aForm, n);
  if (c.prep) n = add_reading_forms(s, c.conj + 1, side, aForm, n);
  return n;
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
