/* The arabic_entities() core (see entities.h). */
#include "entities.h"

#include <string.h>

#include "../alloc.h"
#include "../hashmap.h"
#include "../lexicon.h"
#include "../namekey.h"
#include "../segment.h"
#include "../utf8.h"

const char *ar_entity_type_name(int type) {
  switch (type) {
    case AR_ENT_PERSON: return "PERSON";
    case AR_ENT_LOCATION: return "LOCATION";
    case AR_ENT_ORG: return "ORGANIZATION";
    case AR_ENT_DATE: return "DATE";
    default: return 0;
  }
}

int ar_entity_type_of(const char *z, int n) {
  static const int aType[] = {AR_ENT_PERSON, AR_ENT_LOCATION, AR_ENT_ORG};
  int i, j;
  for (i = 0; i < 3; i++) {
    const char *zName = ar_entity_type_name(aType[i]);
    if ((int)strlen(zName) != n) continue;
    for (j = 0; j < n && (z[j] & ~0x20) == zName[j]; j++) {
    }
    if (j == n) return aType[i];
  }
  return 0;
}

void ar_entities_free(ArEntityList *p) {
  ar_free(p->a);
  ar_free(p->zPool);
  memset(p, 0, sizeof(*p));
}

/* ---- per-token entity marks ---- */

typedef struct Mark {
  unsigned char type;  /* AR_ENT_* or 0 */
  unsigned char begin; /* first token of an entity */
  int match;           /* gazetteer match giving the canonical, or -1 */
} Mark;

static void marks_from_labels(Mark *aMark, const unsigned char *aLabel, int n) {
  int i;
  for (i = 0; i < n; i++) {
    int type = AR_LABEL_TYPE(aLabel[i]);
    aMark[i].match = -1;
    if (aLabel[i] == AR_LABEL_O || type == AR_ENT_MISC) {
      aMark[i].type = 0;
      aMark[i].begin = 0;
    } else {
      aMark[i].type = (unsigned char)type;
      aMark[i].begin = AR_LABEL_IS_B(aLabel[i]) || i == 0 || aMark[i - 1].type != type;
    }
  }
}

/* Is [s, e) strictly inside one span of the tagger of a type other than
** the tokens' own gazetteer name? */
static int inside_other_span(const ArNerText *t, const Mark *aMark, int s, int e) {
  int a = s, b = e, type = aMark[s].type;
  if (!type) return 0;
  while (a > 0 && !aMark[a].begin && aMark[a - 1].type == type) a--;
  while (b < t->nTok && aMark[b].type == type && !aMark[b].begin) b++;
  for (int i = s; i < e; i++) {
    if (aMark[i].type != type || (i > s && aMark[i].begin)) return 0;
  }
  return a < s || b > e;
}

/* Does the tagger's person span that runs into token s start with a title
** or an adjective (الرئيس البيلاروسي ألكسندر لوكاشينكو)? Then those words
** are not part of the name: they are dropped. */
static int title_before(const ArNerText *t, Mark *aMark, int s) {
  int a = s - 1, i, found = 0;
  while (a > 0 && !aMark[a].begin && aMark[a - 1].type == AR_ENT_PERSON) a--;
  for (i = a; i < s; i++) found |= t->aTok[i].nAl > 0 || (t->aTok[i].gaz & AR_GZ_TITLE) != 0;
  if (found) {
    for (i = a; i < s; i++) aMark[i].type = 0;
  }
  return found;
}

/* Is [s, e) exactly one span of the tagger? */
static int same_span(const ArNerText *t, const Mark *aMark, int s, int e) {
  int i;
  if (!aMark[s].type || !aMark[s].begin) return 0;
  for (i = s + 1; i < e; i++) {
    if (aMark[i].type != aMark[s].type || aMark[i].begin) return 0;
  }
  return e >= t->nTok || !aMark[e].type || aMark[e].begin;
}

/* Does the token at i go on with a person's name (بن, ابن, آل, أبو, بنت)? */
static int continues_name(const ArNerText *t, int i) {
  static const char *const az[] = {"بن", "ابن", "ال", "ابو", "بنت"};
  unsigned k;
  if (i >= t->nTok) return 0;
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    if (strcmp(t->zFold + t->aTok[i].iFold, az[k]) == 0) return 1;
  }
  return 0;
}

/* Put gazetteer names into the tagger's spans. A name of the same type as
** the span it overlaps widens it to the left (الرئيس جو بايدن keeps its
** first name); a name of another type, or any name of the user's table,
** replaces what it covers. A name is complete: what follows it starts a
** new entity, and a person's name is not continued by the tagger (دونالد
** ترامب سيزور is a name and a verb) unless بن, آل ... come next (تميم بن
** حمد آل ثاني is one person). */
static void merge_matches(const ArNerText *t, Mark *aMark) {
  int k, i;
  for (k = 0; k < t->nMatch; k++) {
    const ArNerMatch *m = &t->aMatch[k];
    int s = m->iTok, e = m->iTok + m->nTok, conflict = m->fromUser, begin;
    for (i = s; i < e; i++) {
      if (aMark[i].type && aMark[i].type != m->type) conflict = 1;
    }
    /* A built-in place inside a longer name of another type is part of it:
    ** مانشستر يونايتد, واشنطن تايمز. */
    if (conflict && !m->fromUser && inside_other_span(t, aMark, s, e)) continue;
    /* A place named for its club or its government (برشلونة, واشنطن): the
    ** tagger reads the context, the list does not. */
    if (conflict && !m->fromUser && same_span(t, aMark, s, e) && aMark[s].type != AR_ENT_PERSON &&
        m->type != AR_ENT_PERSON)
      continue;
    begin = conflict || s == 0 || aMark[s - 1].type != m->type || aMark[s - 1].match >= 0 ||
            aMark[s].type != m->type || aMark[s].begin;
    if (!begin && m->type == AR_ENT_PERSON && title_before(t, aMark, s)) begin = 1;
    for (i = s; i < e; i++) {
      aMark[i].type = (unsigned char)m->type;
      aMark[i].begin = 0;
      aMark[i].match = k;
    }
    aMark[s].begin = (unsigned char)begin;
    if (m->type == AR_ENT_PERSON && !continues_name(t, e)) {
      for (i = e; i < t->nTok && aMark[i].type == AR_ENT_PERSON && !aMark[i].begin; i++) aMark[i].type = 0;
    } else if (m->type == AR_ENT_PERSON && e < t->nTok && aMark[e].type == AR_ENT_PERSON) {
      continue;
    }
    if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
  }
}

/* ---- punctuation inside names ---- */

/* The punctuation a name may hold between two of its words: كيم جونغ-أون,
** initials (ج. بوش), O'Brien. */
static int may_join_name(uint32_t c) { return c == '-' || c == '.' || c == '\'' || c == 0x2019; }

/* A name never holds # _ @ or any other mark (#دونالد_ترمب is two words
** of a hashtag, not one name), nor starts or ends with one. Dates keep
** theirs (8/8/2022). */
static void split_at_marks(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 0; i < t->nTok; i++) {
    const ArNerToken *tok = &t->aTok[i];
    int type = aMark[i].type, first, last;
    if (tok->isWord || !type || type == AR_ENT_DATE) continue;
    first = aMark[i].begin;
    last = i + 1 >= t->nTok || aMark[i + 1].type != type || aMark[i + 1].begin;
    if (first || last || !may_join_name(t->aCp[tok->iCp])) {
      aMark[i].type = 0;
      aMark[i].match = -1;
      if (!last) aMark[i + 1].begin = 1;
    }
  }
}

/* ---- dates ---- */

static const char *fold_of(const ArNerText *t, int i) { return t->zFold + t->aTok[i].iFold; }

/* The folded word without its first k letters. */
static const char *skip_of(const ArNerText *t, int i, int k) {
  const ArNerToken *tok = &t->aTok[i];
  const unsigned char *u = (const unsigned char *)t->zFold + tok->iFold;
  int off = 0;
  while (k-- > 0) ar_utf8_decode(u, tok->nFold, &off);
  return (const char *)u + off;
}

/* The folded word without proclitics (ال kept). */
static const char *bare_of(const ArNerText *t, int i) { return skip_of(t, i, t->aTok[i].nProc); }

static int is_word(const ArNerText *t, int i, const char *zWord) {
  return i >= 0 && i < t->nTok && t->aTok[i].isWord && strcmp(bare_of(t, i), zWord) == 0;
}

static int number_of(const ArNerText *t, int i) {
  const char *z;
  int v = 0, k;
  if (i < 0 || i >= t->nTok || t->aTok[i].shape != AR_SHAPE_DIGITS || t->aTok[i].nFold > 4) return -1;
  z = fold_of(t, i);
  for (k = 0; z[k]; k++) v = v * 10 + (z[k] - '0');
  return v;
}

static int is_year(const ArNerText *t, int i) {
  int v = number_of(t, i);
  return v >= 1000 && v <= 2999 && t->aTok[i].nFold == 4;
}

static int is_day(const ArNerText *t, int i) {
  int v = number_of(t, i);
  return v >= 1 && v <= 31;
}

/* Words after a period that make it a date: الماضي, المقبل ... */
static int is_relative(const ArNerText *t, int i) {
  static const char *const az[] = {"الماضي", "المقبل", "القادم", "الجاري", "الحالي", "المنصرم",
                                   "الفايت", "المنقضي"};
  unsigned k;
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    if (is_word(t, i, az[k])) return 1;
  }
  return 0;
}

static int is_period(const ArNerText *t, int i) {
  static const char *const az[] = {"العام", "عام", "السنه", "سنه", "الشهر", "شهر", "الاسبوع",
                                   "اسبوع", "عامي"};
  unsigned k;
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    if (is_word(t, i, az[k])) return 1;
  }
  return 0;
}

/* Length in tokens of a month name at i (two words for كانون الثاني ...). */
static int month_at(const ArNerText *t, int i, int *pAmbiguous) {
  const ArNameTable *words = ar_ner_builtin_words();
  const ArNerToken *tok = &t->aTok[i];
  *pAmbiguous = 0;
  if (!tok->isWord || !words) return 0;
  if (i + 1 < t->nTok && t->aTok[i + 1].isWord) {
    int f;
    for (f = 0; f <= tok->nProc; f++) {
      const char *z1 = skip_of(t, i, f), *z2 = fold_of(t, i + 1);
      uint64_t h = ar_hash_bytes(AR_HASH_INIT, z1, (int)strlen(z1));
      const ArNameEntry *e;
      h = ar_hash_bytes(h, " ", 1);
      h = ar_hash_bytes(h, z2, (int)strlen(z2));
      e = ar_name_table_find(words, ar_hash_bytes(h, "w", 1));
      if (e && (e->bits & AR_GZ_MONTH)) return 2;
    }
  }
  if (tok->gaz & AR_GZ_MONTH) {
    *pAmbiguous = (tok->gaz & AR_GZ_MONTH_AMBIG) != 0;
    return 1;
  }
  return 0;
}

/* Is token i the mark c? */
static int is_mark(const ArNerText *t, int i, uint32_t c) {
  return i >= 0 && i < t->nTok && !t->aTok[i].isWord && t->aCp[t->aTok[i].iCp] == c;
}

/* A month at i, and the other series' name after a slash (مارس/آذار,
** نوفمبر/تشرين الثاني): the length in tokens, 0 when none. */
static int month_pair_at(const ArNerText *t, int i, int *pAmbiguous) {
  int m = month_at(t, i, pAmbiguous), amb2, m2;
  if (m > 0 && is_mark(t, i + m, '/') && i + m + 1 < t->nTok && (m2 = month_at(t, i + m + 1, &amb2)) > 0) {
    *pAmbiguous = 0;
    return m + 1 + m2;
  }
  return m;
}

/* Words before a bare year that make it a date: في 2007, منذ 2012 ... */
static int year_context(const ArNerText *t, int i) {
  static const char *const az[] = {"في", "وفي", "منذ", "ومنذ", "حتي", "وحتي", "بحلول", "مطلع", "نهايه",
                                   "بدايه", "اواخر", "اوايل", "خلال", "وخلال"};
  unsigned k;
  if (i < 0 || !t->aTok[i].isWord) return 0;
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    if (strcmp(fold_of(t, i), az[k]) == 0 || is_word(t, i, az[k])) return 1;
  }
  return 0;
}

/* Length in tokens of a date starting at token i, or 0. */
static int date_at(const ArNerText *t, int i) {
  int n = 0, amb, m;
  if (!t->aTok[i].isWord) return 0;
  if (t->aTok[i].gaz & AR_GZ_WEEKDAY) return 1 + is_relative(t, i + 1);
  if (is_day(t, i) && i + 1 < t->nTok && (m = month_pair_at(t, i + 1, &amb)) > 0) {
    n = 1 + m;
    if (is_year(t, i + n)) n++;
    return n;
  }
  if ((m = month_pair_at(t, i, &amb)) > 0) {
    int after = is_year(t, i + m) || is_relative(t, i + m);
    if (amb && !after && !is_word(t, i - 1, "شهر")) return 0;
    return m + (is_year(t, i + m) || is_relative(t, i + m));
  }
  if (is_period(t, i) && (is_year(t, i + 1) || is_relative(t, i + 1))) return 2;
  if (is_word(t, i, "امس")) return 1;
  if (is_year(t, i) && year_context(t, i - 1)) return 1;
  /* 8/8/2022 and 2022/8/8 */
  if (number_of(t, i) >= 0 && i + 4 < t->nTok && number_of(t, i + 2) >= 1 && number_of(t, i + 4) >= 0 &&
      fold_of(t, i + 1)[0] == '/' && fold_of(t, i + 3)[0] == '/' &&
      (is_year(t, i) ? is_day(t, i + 4) : is_year(t, i + 4)) && number_of(t, i + 2) <= 12)
    return 5;
  return 0;
}

static void mark_dates(const ArNerText *t, Mark *aMark) {
  int i = 0;
  while (i < t->nTok) {
    int n = aMark[i].type ? 0 : date_at(t, i), k, isFree = 1;
    for (k = 0; k < n && i + k < t->nTok; k++) isFree &= aMark[i + k].type == 0;
    if (n == 0 || !isFree || i + n > t->nTok) {
      i++;
      continue;
    }
    for (k = 0; k < n; k++) {
      aMark[i + k].type = AR_ENT_DATE;
      aMark[i + k].begin = k == 0;
      aMark[i + k].match = -1;
    }
    if (i + n < t->nTok && aMark[i + n].type) aMark[i + n].begin = 1;
    i += n;
  }
}

/* ---- one reading per name in a text ---- */

/* Has the tagger learned this word as a common word rather than a name
** (أمام "in front of" shares its key with the surname إمام)? */
static int known_common_word(const ArNerModel *model, const ArNerText *t, int i) {
  const int16_t *w = ar_ner_weights(model, ar_ner_word_feature(t, i));
  return w && w[AR_LABEL_O] > w[AR_LABEL_B(AR_ENT_PERSON)];
}

/* The name key of token i without its first k letters (ال restored after
** لل when k takes all the proclitics), and, with dropAl, without its article. */
static uint64_t key_without(const ArNerText *t, int i, int k, int dropAl) {
  const ArNerToken *tok = &t->aTok[i];
  uint32_t form[AR_MAX_WORD_CHARS + 2], key[AR_MAX_WORD_CHARS + 2];
  unsigned char zb[4];
  uint64_t h = AR_HASH_INIT;
  int n = 0, j, nKey;
  if (tok->restoreAl && k == tok->nProc && !dropAl) form[n++] = 0x0627, form[n++] = 0x0644;
  if (dropAl && k == tok->nProc) k += tok->nAl;
  for (j = k; j < tok->nCp && n < AR_MAX_WORD_CHARS; j++) form[n++] = t->aCp[tok->iCp + j];
  nKey = ar_name_key(form, n, key);
  for (j = 0; j < nKey; j++) h = ar_hash_bytes(h, zb, ar_utf8_encode(key[j], zb));
  return h;
}

/* A word that cannot be a name by itself: a function word, a title, a verb
** of speech, a trigger, a month or a weekday. */
static int never_name(const ArNerText *t, int i) {
  return !t->aTok[i].isWord || t->aTok[i].shape == AR_SHAPE_DIGITS ||
         (t->aTok[i].gaz & (AR_GZ_FUNCTION | AR_GZ_TITLE | AR_GZ_SPEECH | AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER |
                            AR_GZ_MONTH | AR_GZ_WEEKDAY | AR_GZ_COUNTRY_ADJ)) != 0;
}

/* Is the word, as the lexicon's class and the tagger's weights for it read,
** a common word (أمام "in front of" shares its key with the surname إمام;
** الشاهد "the witness" is a surname too)? */
static int common_word(const ArNerModel *model, const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  const int16_t *w = ar_ner_weights(model, ar_ner_class_feature(t, i));
  if (known_common_word(model, t, i)) return 1;
  return tok->lex && AR_LEXICON_COUNT(tok->lex) >= 50 && w && w[AR_LABEL_O] > w[AR_LABEL_B(AR_ENT_PERSON)] &&
         w[AR_LABEL_O] > w[AR_LABEL_I(AR_ENT_PERSON)];
}

/* End of the span of the same type starting at s. */
static int span_end(const ArNerText *t, const Mark *aMark, int s) {
  int e = s + 1;
  while (e < t->nTok && aMark[e].type == aMark[s].type && !aMark[e].begin) e++;
  return e;
}

/* One reading per name in a text: a name the text gives a person is that
** person wherever else it stands alone untagged, with or without its
** proclitics and article (محمد الطيطي ... وقال الطيطي ... للطيطي): the
** surname of a person of two words or more, a one-word person, and a
** first name that only one person of the text has (جمالات شيحة ...
** جمالات), unless it is a common given name (محمد) or a common word. */
static int link_names(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  ArHashMap seen, firsts;
  int i, n = 0, found, *pv;
  for (i = 0; i < t->nTok; i++) n += aMark[i].type == AR_ENT_PERSON;
  if (n == 0) return AR_OK;
  if (ar_hashmap_init(&seen, 2 * n) != AR_OK) return AR_NOMEM;
  if (ar_hashmap_init(&firsts, n) != AR_OK) {
    ar_hashmap_free(&seen);
    return AR_NOMEM;
  }
  /* Keys without proclitics and article; the whole word's key too, for
  ** names that start like a proclitic (بوتين). */
  for (i = 0; i < t->nTok; i++) {
    int e, last;
    if (aMark[i].type != AR_ENT_PERSON || !aMark[i].begin) continue;
    e = span_end(t, aMark, i);
    last = e - 1;
    if (t->aTok[last].nCp - t->aTok[last].nProc >= 4 && !never_name(t, last)) {
      ar_hashmap_slot(&seen, key_without(t, last, t->aTok[last].nProc, 1), &found);
      ar_hashmap_slot(&seen, ar_hash_bytes(AR_HASH_INIT, t->zFold + t->aTok[last].iKey, t->aTok[last].nKey), &found);
    }
    if (e - i >= 2 && !(t->aTok[i].gaz & AR_GZ_FIRST_NAME) && t->aTok[i].nCp - t->aTok[i].nProc >= 4 &&
        !continues_name(t, i + 1)) {
      /* a first name: value 1 while one person has it, 0 when several do */
      uint64_t h = key_without(t, i, t->aTok[i].nProc, 1), hLast = key_without(t, last, t->aTok[last].nProc, 1);
      pv = ar_hashmap_slot(&firsts, h, &found);
      if (!found) *pv = (int)(hLast & 0x3FFFFFFF) | 1;
      else if (*pv != ((int)(hLast & 0x3FFFFFFF) | 1)) *pv = 0;
    }
  }
  for (i = 0; i < t->nTok; i++) {
    const ArNerToken *tok = &t->aTok[i];
    uint64_t h;
    int hit;
    if (aMark[i].type || tok->shape != AR_SHAPE_ARABIC || tok->nCp - tok->nProc < 4 || never_name(t, i)) continue;
    hit = ar_hashmap_find(&seen, ar_hash_bytes(AR_HASH_INIT, t->zFold + tok->iKey, tok->nKey)) != 0;
    if (!hit) {
      h = key_without(t, i, tok->nProc, 1);
      hit = ar_hashmap_find(&seen, h) || ((pv = (int *)ar_hashmap_find(&firsts, h)) && *pv);
    }
    if (hit && !common_word(model, t, i)) {
      aMark[i].type = AR_ENT_PERSON;
      aMark[i].begin = 1;
      aMark[i].match = -1;
      if (i + 1 < t->nTok && aMark[i + 1].type) aMark[i + 1].begin = 1;
    }
  }
  ar_hashmap_free(&seen);
  ar_hashmap_free(&firsts);
  return AR_OK;
}

/* ---- organizations opened by a trigger word ---- */

static int has_article_now(const ArNerToken *tok) { return tok->nAl > 0 || tok->restoreAl; }

/* Does the folded word end in a nisba (ي, ية: الجمهوري, الأمريكية)? */
static int is_nisba(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  const uint32_t *a = t->aCp + tok->iCp;
  int n = tok->nCp;
  return n >= 4 && (a[n - 1] == 0x064A || (a[n - 1] == 0x0647 && a[n - 2] == 0x064A));
}

/* May token j go on with an organization's name opened before it? */
static int org_word(const ArNerText *t, const Mark *aMark, int j) {
  const ArNerToken *tok = &t->aTok[j];
  if (j >= t->nTok || aMark[j].type || !tok->isWord || tok->shape != AR_SHAPE_ARABIC) return 0;
  if (tok->gaz & (AR_GZ_FUNCTION | AR_GZ_TITLE | AR_GZ_SPEECH | AR_GZ_MONTH | AR_GZ_WEEKDAY)) return 0;
  if (tok->nConj && (tok->gaz & (AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER))) return 0;
  return has_article_now(tok);
}

/* Organizations the tagger missed, opened by a trigger word: وزارة العدل
** الأمريكية, مجلس نواب الشعب, الحزب الجمهوري, الاتحاد العام التونسي
** للشغل. The trigger is part of the name, but for media, companies and
** teams, whose name follows it (صحيفة الغارديان). The words that follow
** carry the article (a name of the form "noun of the noun" may take one
** bare noun first: مجلس نواب الشعب); a country's adjective closes the
** name; a definite trigger (الحزب) opens one only before an adjective of
** the form of a nisba (الحزب الجمهوري, not الحزب الحاكم). */
static void org_from_triggers(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 0; i + 1 < t->nTok; i++) {
    const ArNerToken *tok = &t->aTok[i];
    int media, j, e, definite;
    if (!(tok->gaz & AR_GZ_ORG_TRIGGER) || aMark[i].type || !tok->isWord) continue;
    media = (tok->gaz & AR_GZ_MEDIA) != 0;
    definite = has_article_now(tok);
    if (media && definite) continue;
    /* The tagger's organization right after the trigger: the trigger opens it. */
    if (!media && !definite && aMark[i + 1].type == AR_ENT_ORG && aMark[i + 1].begin && aMark[i + 1].match < 0) {
      aMark[i].type = AR_ENT_ORG;
      aMark[i].begin = 1;
      aMark[i].match = -1;
      aMark[i + 1].begin = 0;
      continue;
    }
    j = i + 1;
    if (!org_word(t, aMark, j)) {
      /* مجلس نواب الشعب: one bare noun, then a definite one */
      const ArNerToken *nx = &t->aTok[j];
      if (definite || media || aMark[j].type || !nx->isWord || nx->shape != AR_SHAPE_ARABIC || nx->nProc ||
          never_name(t, j) || !org_word(t, aMark, j + 1))
        continue;
    }
    /* الحزب الجمهوري; not الحزب الحاكم, nor الإدارة الأميركية (a country's adjective alone) */
    if (definite && (t->aTok[j].gaz & AR_GZ_COUNTRY_ADJ)) continue;
    if (definite && !is_nisba(t, j) && !(j + 1 < t->nTok && org_word(t, aMark, j + 1) && is_nisba(t, j + 1)))
      continue;
    /* صحيفة الغارديان, not شبكة الإنترنت: the name is not a word the tagger knows as common */
    if (media && (common_word(model, t, j) || (t->aTok[j].gaz & AR_GZ_COUNTRY_ADJ))) continue;
    e = j + 1;
    if (!(t->aTok[j].gaz & AR_GZ_COUNTRY_ADJ)) {
      while (e < t->nTok && e - i < AR_NAME_MAX_WORDS && org_word(t, aMark, e)) {
        e++;
        if (t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) break;
      }
    }
    /* ... then a phrase of ل + ال (الاتحاد العام التونسي للشغل) */
    if (t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) {
      while (e < t->nTok && e - i < AR_NAME_MAX_WORDS && org_word(t, aMark, e) &&
             (t->aTok[e].restoreAl || (t->aTok[e - 1].restoreAl && t->aTok[e].nConj)))
        e++;
    }
    if (media && e - j > 2) e = j + 2;
    {
      int s = media ? j : i, k;
      for (k = s; k < e; k++) {
        aMark[k].type = AR_ENT_ORG;
        aMark[k].begin = k == s;
        aMark[k].match = -1;
      }
      if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
    }
    i = e - 1;
  }
}

/* ---- precision guards ---- */

/* Does a line break stand between tokens i-1 and i? */
static int line_break_before(const ArNerText *t, int i) {
  int k;
  if (i <= 0) return 0;
  for (k = t->aTok[i - 1].iByte + t->aTok[i - 1].nByte; k < t->aTok[i].iByte; k++) {
    if (t->z[k] == '\n' || t->z[k] == '\r') return 1;
  }
  return 0;
}

/* What no name holds: a line break (a headline and the text after it), a
** function word, a title, a verb of speech, a month or a weekday at either
** end (أين سعيد is سعيد), or, at the start of a person, an adjective the
** tagger knows as a common word (المخضرم بوفون is بوفون). A month is never
** a name (نيسان is April). Names of the gazetteers are kept as they are. */
static void guard_spans(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  int i, s, e;
  for (i = 1; i < t->nTok; i++) {
    if (aMark[i].type && line_break_before(t, i)) aMark[i].begin = 1;
  }
  for (s = 0; s < t->nTok; s = e) {
    int type = aMark[s].type, a, b, k;
    e = s + 1;
    if (!type || type == AR_ENT_DATE) continue;
    e = span_end(t, aMark, s);
    a = s, b = e;
    while (a < b && aMark[a].match < 0 &&
           ((t->aTok[a].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_MONTH | AR_GZ_WEEKDAY)) ||
            (type == AR_ENT_PERSON && (t->aTok[a].gaz & AR_GZ_TITLE) && b - a > 1) ||
            (type == AR_ENT_PERSON && b - a > 1 && has_article_now(&t->aTok[a]) &&
             !(t->aTok[a].gaz & AR_GZ_FIRST_NAME) && known_common_word(model, t, a))))
      a++;
    while (b > a && aMark[b - 1].match < 0 &&
           (t->aTok[b - 1].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_MONTH | AR_GZ_WEEKDAY | AR_GZ_TITLE)))
      b--;
    for (k = s; k < e; k++) {
      if (k < a || k >= b) aMark[k].type = 0, aMark[k].match = -1;
    }
    if (a < b) aMark[a].begin = 1;
    if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
  }
}

/* A person of one word needs evidence: a name of the gazetteers, a known
** given name, a title or a verb of speech next to it, a second mention, a
** word of a longer person of the text, or the tagger's confidence. */
#define PERSON_MARGIN 3000
static int single_persons(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  ArHashMap count;
  int i, n = 0, found, *pv, rc = AR_OK;
  for (i = 0; i < t->nTok; i++) n += aMark[i].type == AR_ENT_PERSON;
  if (n == 0) return AR_OK;
  if (ar_hashmap_init(&count, 2 * n) != AR_OK) return AR_NOMEM;
  for (i = 0; i < t->nTok; i++) {
    if (aMark[i].type != AR_ENT_PERSON || !t->aTok[i].isWord) continue;
    pv = ar_hashmap_slot(&count, key_without(t, i, t->aTok[i].nProc, 1), &found);
    if (!found) *pv = 0;
    *pv += (aMark[i].begin && span_end(t, aMark, i) == i + 1) ? 1 : 2;
  }
  for (i = 0; i < t->nTok && rc == AR_OK; i++) {
    const ArNerToken *tok = &t->aTok[i];
    int emit[AR_NER_NLABELS];
    const unsigned near = AR_GZ_TITLE | AR_GZ_SPEECH;
    if (aMark[i].type != AR_ENT_PERSON || !aMark[i].begin || span_end(t, aMark, i) != i + 1) continue;
    if (aMark[i].match >= 0 || (tok->gaz & (AR_GZ_FIRST_NAME | AR_GZ_PERSON))) continue;
    if ((i > 0 && (t->aTok[i - 1].gaz & near)) || (i > 1 && (t->aTok[i - 2].gaz & AR_GZ_TITLE) && !t->aTok[i - 1].isWord))
      continue;
    if (i > 1 && (t->aTok[i - 2].gaz & AR_GZ_TITLE) && has_article_now(&t->aTok[i - 1])) continue;
    pv = (int *)ar_hashmap_find(&count, key_without(t, i, tok->nProc, 1));
    if (pv && *pv >= 3) continue;
    rc = ar_ner_emissions(model, t, i, emit);
    /* a second mention of the same word alone asks for a third of the confidence */
    if (rc == AR_OK && emit[AR_LABEL_B(AR_ENT_PERSON)] - emit[AR_LABEL_O] < (pv && *pv >= 2 ? PERSON_MARGIN / 3 : PERSON_MARGIN)) {
      aMark[i].type = 0;
      if (i + 1 < t->nTok && aMark[i + 1].type) aMark[i + 1].begin = 1;
    }
  }
  ar_hashmap_free(&count);
  return rc;
}

/* ---- spans and canonical names ---- */

static uint64_t hash_str(const char *z) { return ar_hash_bytes(AR_HASH_INIT, z, (int)strlen(z)); }

/* How many letters of the first word of a date are proclitics: the fewest
** after which a month or a weekday is left (كانون starts with a letter that
** could be ك, وكانون with two), else all of them (والعام 2022). */
static int date_skip(const ArNerText *t, int i) {
  const ArNameTable *words = ar_ner_builtin_words();
  int k;
  for (k = 0; words && k <= t->aTok[i].nProc; k++) {
    const char *z = skip_of(t, i, k);
    uint64_t h = ar_hash_bytes(AR_HASH_INIT, z, (int)strlen(z));
    const ArNameEntry *e = ar_name_table_find(words, ar_hash_bytes(h, "w", 1));
    if (e && (e->bits & (AR_GZ_MONTH | AR_GZ_WEEKDAY))) return k;
    if (i + 1 < t->nTok) {
      const char *z2 = fold_of(t, i + 1);
      h = ar_hash_bytes(ar_hash_bytes(h, " ", 1), z2, (int)strlen(z2));
      e = ar_name_table_find(words, ar_hash_bytes(h, "w", 1));
      if (e && (e->bits & AR_GZ_MONTH)) return k;
    }
  }
  return t->aTok[i].nProc;
}

/* How often the lexicon saw token i without its first k letters. */
static long lex_count(const ArNerText *t, int i, int k) {
  const char *z = skip_of(t, i, k);
  uint32_t v = ar_lexicon_find(&ar_lexicon_data, z, (int)strlen(z));
  return v ? AR_LEXICON_COUNT(v) : 0;
}

/* How many letters of its first token an entity leaves out: the
** proclitics, only when the word without them is the known one: بوتين and
** ويتكوف are names as they stand, لترامب and وزيلينسكي are not. */
static int strip_first(const ArNerText *t, const Mark *aMark, int i, const ArHashMap *words) {
  const ArNerToken *tok = &t->aTok[i];
  const unsigned names = AR_GZ_PERSON | AR_GZ_LOCATION | AR_GZ_ORG;
  if (tok->nProc == 0) return 0;
  if (aMark[i].match >= 0 && t->aMatch[aMark[i].match].iTok == i)
    return t->aMatch[aMark[i].match].stripFirst;
  if (aMark[i].type == AR_ENT_DATE) return date_skip(t, i);
  if (tok->gazWhole & names) return 0;
  if (tok->gazBare & names) return tok->nProc;
  if (tok->nAl || tok->restoreAl) return tok->nProc;
  /* وفهد, بمعهد: the bare word is a given name or a trigger */
  if ((tok->gazBare & ~tok->gazWhole) & (AR_GZ_FIRST_NAME | AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER | AR_GZ_TITLE))
    return tok->nProc;
  /* بترامب when ترامب is written alone elsewhere in the text */
  if (ar_hashmap_find(words, hash_str(bare_of(t, i)))) return tok->nProc;
  /* The reading news writes most often: ويتكوف as it stands, وبيلوسي
  ** without its و (the lexicon's counts). */
  {
    long nWhole = lex_count(t, i, 0), nConj = tok->nConj ? lex_count(t, i, tok->nConj) : 0;
    long nBare = lex_count(t, i, tok->nProc);
    if (nBare > 3 * nWhole + 2 && nBare >= nConj) return tok->nProc;
    if (nConj > 3 * nWhole + 2) return tok->nConj;
    return 0;
  }
}

/* Does the name r end with the words of the name e (بوتين, فلاديمير بوتين)? */
static int ends_with(const ArNerText *t, const ArEntity *r, const ArEntity *e) {
  int k;
  if (e->nTok > r->nTok) return 0;
  for (k = 1; k <= e->nTok; k++) {
    int a = r->iTok + r->nTok - k, b = e->iTok + e->nTok - k;
    /* nCanon holds the proclitic letters an entity leaves out until its canonical is written */
    uint64_t ha = key_without(t, a, a == r->iTok ? r->nCanon : 0, 0);
    uint64_t hb = key_without(t, b, b == e->iTok ? e->nCanon : 0, 0);
    if (ha != hb) return 0;
  }
  return 1;
}

/* Hash of the name keys of an entity's words; with last, only the last one. */
static uint64_t entity_hash(const ArNerText *t, const ArEntity *e, int type, int last, const uint32_t *aFirstKey,
                            int nFirstKey) {
  uint64_t h = ar_hash_bytes(AR_HASH_INIT, &type, sizeof(type));
  int i, from = last ? e->iTok + e->nTok - 1 : e->iTok;
  for (i = from; i < e->iTok + e->nTok; i++) {
    if (i > from) h = ar_hash_bytes(h, " ", 1);
    if (i == e->iTok) {
      unsigned char zb[4];
      int k;
      for (k = 0; k < nFirstKey; k++) h = ar_hash_bytes(h, zb, ar_utf8_encode(aFirstKey[k], zb));
    } else {
      h = ar_hash_bytes(h, t->zFold + t->aTok[i].iKey, t->aTok[i].nKey);
    }
  }
  return h;
}

static int pool_add(ArEntityList *p, const char *z, int n) {
  int rc = ar_grow((void **)&p->zPool, &p->nPoolAlloc, p->nPool + n + 1, 1);
  if (rc != AR_OK) return rc;
  memcpy(p->zPool + p->nPool, z, (size_t)n);
  p->nPool += n;
  return AR_OK;
}

static int build_entities(const ArNerText *t, const Mark *aMark, ArEntityList *p) {
  ArHashMap words;                     /* the folded words of the text */
  ArHashMap byName = {0}, byLast = {0}, byFirst = {0}; /* (type, name keys) -> entity; all freed if any init fails */
  int i, rc = AR_OK, known;
  uint32_t key[AR_MAX_WORD_CHARS + 2];
  if (ar_hashmap_init(&words, t->nTok) != AR_OK) return AR_NOMEM;
  for (i = 0; i < t->nTok; i++) ar_hashmap_slot(&words, hash_str(fold_of(t, i)), &known);
  for (i = 0; i < t->nTok && rc == AR_OK; i++) {
    const ArNerToken *tok;
    ArEntity *e;
    int j, skip, iCp;
    if (!aMark[i].type || !aMark[i].begin) continue;
    for (j = i + 1; j < t->nTok && aMark[j].type == aMark[i].type && !aMark[j].begin; j++) {
    }
    rc = ar_grow((void **)&p->a, &p->nAlloc, p->n + 1, sizeof(ArEntity));
    if (rc != AR_OK) break;
    e = &p->a[p->n++];
    tok = &t->aTok[i];
    skip = strip_first(t, aMark, i, &words);
    if (skip >= tok->nCp) skip = 0;
    iCp = tok->iCp + skip;
    e->type = aMark[i].type;
    e->iTok = i;
    e->nTok = j - i;
    e->iByte = skip ? t->aCpByte[iCp] : tok->iByte;
    e->iChar = skip ? t->aCpChar[iCp] : tok->iChar;
    e->nByte = t->aTok[j - 1].iByte + t->aTok[j - 1].nByte - e->iByte;
    e->nChar = t->aTok[j - 1].iChar + t->aTok[j - 1].nChar - e->iChar;
    e->iCanon = -1;
    e->nCanon = skip; /* kept here until the canonical is known */
  }
  ar_hashmap_free(&words);
  if (rc != AR_OK) return rc;

  /* Canonical names. */
  if (ar_hashmap_init(&byName, 2 * p->n) != AR_OK || ar_hashmap_init(&byLast, 2 * p->n) != AR_OK ||
      ar_hashmap_init(&byFirst, p->n) != AR_OK) {
    ar_hashmap_free(&byName);
    ar_hashmap_free(&byLast);
    ar_hashmap_free(&byFirst);
    return AR_NOMEM;
  }
  {
    uint64_t *aName = ar_malloc(sizeof(uint64_t) * 3 * (size_t)(p->n + 1));
    uint64_t *aLast = aName ? aName + p->n + 1 : 0;
    uint64_t *aAsPerson = aName ? aLast + p->n + 1 : 0;
    int *aRep = ar_malloc(sizeof(int) * (size_t)(p->n + 1));
    if (!aName || !aRep) rc = AR_NOMEM;
    for (i = 0; i < p->n && rc == AR_OK; i++) aRep[i] = -1;
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      ArEntity *e = &p->a[i];
      const ArNerToken *tok = &t->aTok[e->iTok];
      int skip = e->nCanon, nKey, found, *pv;
      uint32_t form[AR_MAX_WORD_CHARS + 2];
      int nForm = 0, k;
      if (tok->restoreAl && skip) form[nForm++] = 0x0627, form[nForm++] = 0x0644;
      for (k = skip; k < tok->nCp && nForm < AR_MAX_WORD_CHARS + 2; k++) form[nForm++] = t->aCp[tok->iCp + k];
      nKey = ar_name_key(form, nForm, key);
      aName[i] = entity_hash(t, e, e->type, 0, key, nKey);
      aLast[i] = entity_hash(t, e, e->type, 1, key, nKey);
      aAsPerson[i] = entity_hash(t, e, AR_ENT_PERSON, 1, key, nKey);
      /* The representative of a name: a gazetteer's mention first, then the
      ** longest, then the first. */
      pv = ar_hashmap_slot(&byName, aName[i], &found);
      if (!found) *pv = i;
      else if (aMark[e->iTok].match >= 0 && aMark[p->a[*pv].iTok].match < 0) *pv = i;
      if (e->type == AR_ENT_PERSON) {
        pv = ar_hashmap_slot(&byLast, aLast[i], &found);
        if (!found || e->nTok > p->a[*pv].nTok ||
            (aMark[e->iTok].match >= 0 && aMark[p->a[*pv].iTok].match < 0 && e->nTok == p->a[*pv].nTok))
          *pv = i;
        if (e->nTok >= 2) {
          /* the person of a first name; -1 when two different persons share it */
          pv = ar_hashmap_slot(&byFirst, key_without(t, e->iTok, e->nCanon, 0), &found);
          if (!found) *pv = i;
          else if (*pv >= 0 && aLast[*pv] != aLast[i]) *pv = -1;
        }
      }
    }
    /* A one-word place or organization that is the surname of a person of
    ** the text is that person (لوكورنو after سيباستيان لوكورنو). */
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      ArEntity *e = &p->a[i];
      int found, *pv;
      if (e->nTok != 1 || e->type == AR_ENT_PERSON || e->type == AR_ENT_DATE || aMark[e->iTok].match >= 0) continue;
      pv = ar_hashmap_slot(&byLast, aAsPerson[i], &found);
      if (!found) {
        ar_hashmap_forget(&byLast, aAsPerson[i]);
        continue;
      }
      if (p->a[*pv].nTok < 2) continue;
      e->type = AR_ENT_PERSON;
      aName[i] = aAsPerson[i];
      aLast[i] = aAsPerson[i];
      pv = ar_hashmap_slot(&byName, aName[i], &found);
      if (!found) *pv = i;
    }
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      ArEntity *e = &p->a[i];
      int found, rep = *ar_hashmap_slot(&byName, aName[i], &found);
      if (e->type == AR_ENT_PERSON) {
        int repLast = *ar_hashmap_slot(&byLast, aLast[i], &found);
        /* ميلانيا ترامب is not دونالد ترامب: a longer name joins only the
        ** names it ends with. */
        if ((p->a[repLast].nTok > p->a[rep].nTok || aMark[p->a[rep].iTok].match < 0) &&
            ends_with(t, &p->a[repLast], e))
          rep = repLast;
        /* جمالات after جمالات شيحة: the one person of the text with that first name */
        if (p->a[rep].nTok == 1 && e->nTok == 1) {
          const int *pf = ar_hashmap_find(&byFirst, key_without(t, e->iTok, e->nCanon, 0));
          if (pf && *pf >= 0) rep = *pf;
        }
      }
      aRep[i] = rep;
    }
    /* Follow each chain to its end (a first name -> its person -> the
    ** person's longest name). */
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      int hops = 0;
      while (aRep[aRep[i]] != aRep[i] && hops++ < 4) aRep[i] = aRep[aRep[i]];
      if (aRep[aRep[i]] != aRep[i]) aRep[i] = i;
    }
    /* Write each representative's canonical once, then share it. */
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      ArEntity *e = &p->a[i];
      int m = aMark[e->iTok].match, start = p->nPool;
      if (aRep[i] != i) continue;
      if (m >= 0 && t->aMatch[m].zCanon) {
        rc = pool_add(p, t->aMatch[m].zCanon, t->aMatch[m].nCanon);
      } else {
        if (t->aTok[e->iTok].restoreAl && e->nCanon) rc = pool_add(p, "ال", (int)strlen("ال"));
        if (rc == AR_OK) rc = pool_add(p, t->z + e->iByte, e->nByte);
      }
      e->iCanon = start;
      e->nCanon = p->nPool - start;
    }
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      if (aRep[i] == i) continue;
      p->a[i].iCanon = p->a[aRep[i]].iCanon;
      p->a[i].nCanon = p->a[aRep[i]].nCanon;
    }
    ar_free(aName);
    ar_free(aRep);
  }
  ar_hashmap_free(&byName);
  ar_hashmap_free(&byLast);
  ar_hashmap_free(&byFirst);
  return rc;
}

int ar_entities_extract(const ArNormalizer *norm, const ArNerModel *model, const ArNameTable *user,
                        const char *z, int n, ArEntityList *pOut) {
  ArNerText t;
  unsigned char *aLabel = 0;
  Mark *aMark = 0;
  int rc;
  memset(pOut, 0, sizeof(*pOut));
  rc = ar_ner_tokenize(norm, z, n, &t);
  if (rc != AR_OK) return rc;
  rc = ar_ner_annotate(&t, user);
  if (rc == AR_OK) {
    aLabel = ar_malloc((size_t)t.nTok + 1);
    aMark = ar_malloc(sizeof(Mark) * ((size_t)t.nTok + 1));
    if (!aLabel || !aMark) rc = AR_NOMEM;
  }
  if (rc == AR_OK) rc = ar_ner_decode(model, &t, aLabel);
  if (rc == AR_OK) {
    marks_from_labels(aMark, aLabel, t.nTok);
    merge_matches(&t, aMark);
    split_at_marks(&t, aMark);
    org_from_triggers(model, &t, aMark);
    guard_spans(model, &t, aMark);
    mark_dates(&t, aMark);
    rc = link_names(model, &t, aMark);
    if (rc == AR_OK) rc = single_persons(model, &t, aMark);
    if (rc == AR_OK) rc = build_entities(&t, aMark, pOut);
  }
  ar_free(aLabel);
  ar_free(aMark);
  ar_ner_text_free(&t);
  if (rc != AR_OK) ar_entities_free(pOut);
  return rc;
}
