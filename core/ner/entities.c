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
  /* a given name written with the article is no adjective (الجيلاني الهمامي) */
  for (i = a; i < s; i++)
    found |= (t->aTok[i].nAl > 0 && !(t->aTok[i].gaz & AR_GZ_FIRST_NAME)) || (t->aTok[i].gaz & AR_GZ_TITLE) != 0;
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

/* Is token i, as written (not folded), one of the n words of az? */
static int written_as(const ArNerText *t, int i, const char *const *az, size_t n) {
  size_t k;
  for (k = 0; k < n; k++) {
    if (t->aTok[i].nByte == (int)strlen(az[k]) && memcmp(t->z + t->aTok[i].iByte, az[k], strlen(az[k])) == 0) return 1;
  }
  return 0;
}

/* Is token i a particle of a foreign name that Arabic reads as a function
** word too (فان of بيرت فان مارفيك, not فإن; دي, دا, لا)? As written. */
static int name_particle(const ArNerText *t, int i) {
  static const char *const az[] = {"فان", "فون", "دي", "دا", "دو", "دى", "ديل", "لا", "لو", "لي", "ذا"};
  return written_as(t, i, az, sizeof(az) / sizeof(az[0]));
}

/* Does a place stand where token i does, its first nStrip letters left
** out of the name: after ب or في (بقابس, في برشلونة)? A club or a
** government is not "in". */
static int place_context(const ArNerText *t, int i, int nStrip) {
  const ArNerToken *tok = &t->aTok[i];
  const char *zPrev;
  if (nStrip > tok->nConj && !tok->restoreAl && t->aCp[tok->iCp + tok->nConj] == 0x0628) return 1;
  if (i == 0 || !t->aTok[i - 1].isWord) return 0;
  zPrev = t->zFold + t->aTok[i - 1].iFold;
  return strcmp(zPrev, "في") == 0 || strcmp(zPrev, "وفي") == 0;
}

static int word_listed(const ArNerText *t, int i, int k, unsigned bits);
static uint64_t hash_str(const char *z);
static long lex_count(const ArNerText *t, int i, int k);
static int class_reads_common(const ArNerModel *model, const ArNerText *t, int i, int type);
static int common_for(const ArNerModel *model, const ArNerText *t, int i, int type);
static int ends_in(const ArNerText *t, int i, const char *z);

/* Tokens [s, e) are no entity. */
static void clear_marks(const ArNerText *t, Mark *aMark, int s, int e) {
  int k;
  for (k = s; k < e; k++) aMark[k].type = 0, aMark[k].begin = 0, aMark[k].match = -1;
  if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
}

/* Is a place expected at token i (its first nStrip letters proclitics):
** after ب, في, من, إلى, بين, نحو, or a word of places (مدينة, ولاية)? */
static int expects_place(const ArNerText *t, int i, int nStrip) {
  static const char *const az[] = {"من", "الي", "نحو", "بين", "ومن", "والي", "غرار", "زار", "يزور", "زيارة"};
  const char *zPrev;
  unsigned k;
  if (place_context(t, i, nStrip)) return 1;
  if (i == 0 || !t->aTok[i - 1].isWord) return 0;
  if (t->aTok[i - 1].gaz & AR_GZ_LOC_TRIGGER) return 1;
  zPrev = t->zFold + t->aTok[i - 1].iFold;
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    if (strcmp(zPrev, az[k]) == 0) return 1;
  }
  return 0;
}

/* Does the place [s, e) end the person span it is inside, after a word
** that is no part of a name (a title, a function word, a common word)? */
static int place_ends_person(const ArNerText *t, const Mark *aMark, int s, int e) {
  const ArNerToken *prev;
  if (s == 0 || aMark[s - 1].type != AR_ENT_PERSON || aMark[s].begin) return 0;
  if (e < t->nTok && aMark[e].type == AR_ENT_PERSON && !aMark[e].begin) return 0;
  prev = &t->aTok[s - 1];
  return !(prev->gaz & (AR_GZ_FIRST_NAME | AR_GZ_PERSON)) && !continues_name(t, s - 1);
}

/* Does [a, s) hold a word of a person's name (a given name, a listed name)? */
static int person_words_before(const ArNerText *t, int a, int s) {
  int k;
  for (k = a; k < s; k++) {
    if (t->aTok[k].gaz & (AR_GZ_FIRST_NAME | AR_GZ_PERSON)) return 1;
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
static void merge_matches(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  int k, i;
  for (k = 0; k < t->nMatch; k++) {
    const ArNerMatch *m = &t->aMatch[k];
    int s = m->iTok, e = m->iTok + m->nTok, conflict = m->fromUser, begin, joined;
    for (i = s; i < e; i++) {
      if (aMark[i].type && aMark[i].type != m->type) conflict = 1;
    }
    /* الفيسبوك is فيسبوك with ال, الحماس "the zeal" no حماس: a match read
    ** without an article its list does not write is a common word when the
    ** tagger reads the word's class as one. */
    if (m->addedAl && class_reads_common(model, t, s, AR_ENT_ORG)) {
      if (aMark[s].type == m->type && same_span(t, aMark, s, e)) clear_marks(t, aMark, s, e);
      continue;
    }
    /* A listed name of one word matched by its name key only, spelled
    ** otherwise, that the tagger left out and whose word the tagger's
    ** weights and the lexicon's class both read as a common one, is that
    ** word (عرفت "was known" has the key of عرفات). */
    if (!m->fromUser && m->nTok == 1 && !aMark[s].type && !ar_ner_spelled_as_listed(t, s) &&
        common_for(model, t, s, m->type) && class_reads_common(model, t, s, m->type))
      continue;
    /* A word news writes more often as it stands than without its
    ** conjunction is that word, no name (وجوبا "necessarily", not و + جوبا). */
    if (!m->fromUser && m->nTok == 1 && m->stripFirst > 0 && m->stripFirst == t->aTok[s].nConj &&
        lex_count(t, s, 0) > lex_count(t, s, m->stripFirst)) {
      if (aMark[s].type == m->type && same_span(t, aMark, s, e)) clear_marks(t, aMark, s, e);
      continue;
    }
    /* A place that is a common word too (السلط "the authorities"), or that
    ** the text spells otherwise than the list and only the name key joins
    ** (مشاهد "scenes" and مشهد, الحديدية "of iron" and الحديدة): a place only
    ** where a place is expected; else the word is no entity at all. */
    if (m->type == AR_ENT_LOCATION && !m->fromUser && m->nTok == 1 &&
        ((t->aTok[s].gaz & AR_GZ_COMMON_PLACE) || word_listed(t, s, m->stripFirst, AR_GZ_COMMON_PLACE) ||
         !((t->aTok[s].gaz & AR_GZ_PLACE_SPELLED) || word_listed(t, s, m->stripFirst, AR_GZ_PLACE_SPELLED))) &&
        !expects_place(t, s, m->stripFirst)) {
      if (aMark[s].type == AR_ENT_LOCATION && same_span(t, aMark, s, e)) clear_marks(t, aMark, s, e);
      continue;
    }
    /* A listed person after a listed body, with a given name between that
    ** the tagger ran into the body (الجبهة الشعبية الجيلاني الهمامي): the
    ** given name goes with the person. */
    joined = 0;
    if (conflict && !m->fromUser && m->type == AR_ENT_PERSON && s > 0 && inside_other_span(t, aMark, s, e)) {
      int a = s;
      while (a > 0 && !aMark[a].begin && aMark[a - 1].type == aMark[s].type) a--;
      joined = a > 0 && a < s && aMark[a - 1].match >= 0 && aMark[a - 1].type == aMark[a].type;
      for (i = a; i < s && joined; i++) joined = (t->aTok[i].gaz & AR_GZ_FIRST_NAME) != 0;
      for (i = a; i < s && joined; i++) {
        aMark[i].type = AR_ENT_PERSON;
        aMark[i].begin = i == a;
        aMark[i].match = -1;
      }
    }
    /* A built-in place inside a longer name of another type is part of it:
    ** مانشستر يونايتد, واشنطن تايمز; but not inside a person the tagger
    ** reads from a title or a common word before it (زار الوزير بن قردان,
    ** أهالي بن قردان): a place ends that span, and what is before it is no name. */
    if (conflict && !m->fromUser && inside_other_span(t, aMark, s, e)) {
      int a = s;
      if (!(m->type == AR_ENT_LOCATION && aMark[s].type == AR_ENT_PERSON && place_ends_person(t, aMark, s, e)))
        continue;
      while (a > 0 && !aMark[a].begin && aMark[a - 1].type == AR_ENT_PERSON) a--;
      if (person_words_before(t, a, s)) {
        aMark[s].begin = 1;
      } else {
        clear_marks(t, aMark, a, s);
      }
      conflict = 1;
    }
    /* A place named for its club or its government (برشلونة, واشنطن): the
    ** tagger reads the context, the list does not. */
    if (conflict && !m->fromUser && same_span(t, aMark, s, e) && aMark[s].type != AR_ENT_PERSON &&
        m->type != AR_ENT_PERSON && !(m->type == AR_ENT_LOCATION && place_context(t, s, m->stripFirst)))
      continue;
    begin = !joined && (conflict || s == 0 || aMark[s - 1].type != m->type || aMark[s - 1].match >= 0 ||
                        aMark[s].type != m->type || aMark[s].begin);
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
** initials (ج. بوش), O'Brien, the words of a hashtag (#الولايات_المتحدة). */
static int may_join_name(uint32_t c) { return c == '-' || c == '.' || c == '\'' || c == 0x2019 || c == '_'; }

/* Does the mark at token i join the words around it? A period only after a
** word of one or two letters (ج. بوش, أن. بي. سي), not at a sentence's end. */
static int joins_words(const ArNerText *t, int i) {
  uint32_t c = t->aCp[t->aTok[i].iCp];
  int b = t->aTok[i].iByte, e = b + t->aTok[i].nByte;
  if (!may_join_name(c)) return 0;
  /* a dash between spaces separates names (فخر الدين بن يوسف - طه ياسين الخنيسي) */
  if (c == '-' && ((b > 0 && (t->z[b - 1] == ' ' || t->z[b - 1] == '\t')) || (e < t->n && (t->z[e] == ' ' || t->z[e] == '\t'))))
    return 0;
  /* a dot after a letter, with no space after it either (آي.إتش.إس ماركت) */
  return c != '.' || (i > 0 && t->aTok[i - 1].isWord &&
                      (t->aTok[i - 1].nCp <= 2 || (t->aTok[i - 1].nCp == 3 && e < t->n && t->z[e] != ' ' && t->z[e] != '\t')));
}

/* A name never holds # @ or any other mark but those of may_join_name,
** nor starts or ends with one. Dates keep
** theirs (8/8/2022). */
static void split_at_marks(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 0; i < t->nTok; i++) {
    const ArNerToken *tok = &t->aTok[i];
    int type = aMark[i].type, first, last;
    if (tok->isWord || !type || type == AR_ENT_DATE) continue;
    first = aMark[i].begin;
    last = i + 1 >= t->nTok || aMark[i + 1].type != type || aMark[i + 1].begin;
    if (first || last || !joins_words(t, i)) {
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

static int is_fold(const ArNerText *t, int i, const char *zWord) {
  return i >= 0 && i < t->nTok && t->aTok[i].isWord && strcmp(fold_of(t, i), zWord) == 0;
}

static int is_word(const ArNerText *t, int i, const char *zWord) {
  return i >= 0 && i < t->nTok && t->aTok[i].isWord && strcmp(bare_of(t, i), zWord) == 0;
}

/* Is token i, without its proclitics, one of the n folded words of az? */
static int word_of(const ArNerText *t, int i, const char *const *az, size_t n) {
  size_t k;
  for (k = 0; k < n; k++) {
    if (is_word(t, i, az[k])) return 1;
  }
  return 0;
}

/* Is token i, with or without its proclitics, one of the n folded words
** of az (وثيقة is no و + ثيقة, بريكست no ب + ريكست)? */
static int word_or_whole_of(const ArNerText *t, int i, const char *const *az, size_t n) {
  size_t k;
  for (k = 0; k < n; k++) {
    if (is_word(t, i, az[k]) || is_fold(t, i, az[k])) return 1;
  }
  return 0;
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
  return i >= 0 && i < t->nTok && t->aTok[i].isWord && (t->aTok[i].gaz & AR_GZ_DATE_RELATIVE);
}

/* العام, الشهر, الأسبوع ... */
static int is_period(const ArNerText *t, int i) {
  return i >= 0 && i < t->nTok && t->aTok[i].isWord && (t->aTok[i].gaz & AR_GZ_DATE_PERIOD);
}

/* Is the folded word z (n bytes) an entry of the word lists with one of the bits? */
static int listed(const char *z, int n, unsigned bits) {
  const ArNameTable *words = ar_ner_builtin_words();
  const ArNameEntry *e;
  if (!words) return 0;
  e = ar_name_table_find(words, ar_hash_bytes(ar_hash_bytes(AR_HASH_INIT, z, n), "w", 1));
  return e && (e->bits & bits);
}

/* Is token i without its first k letters an entry of the word lists with
** one of the bits? */
static int word_listed(const ArNerText *t, int i, int k, unsigned bits) {
  const char *z = skip_of(t, i, k);
  return listed(z, (int)strlen(z), bits);
}

/* Is tokens i, i + 1 (the first without k letters) an entry of two words
** of the word lists with one of the bits? */
static int pair_listed(const ArNerText *t, int i, int k, unsigned bits) {
  const ArNameTable *words = ar_ner_builtin_words();
  const char *z1, *z2;
  uint64_t h;
  const ArNameEntry *e;
  if (!words || i + 1 >= t->nTok || !t->aTok[i].isWord || !t->aTok[i + 1].isWord) return 0;
  z1 = skip_of(t, i, k);
  z2 = fold_of(t, i + 1);
  h = ar_hash_bytes(AR_HASH_INIT, z1, (int)strlen(z1));
  /* most words start no listed pair: their first word's entry says so */
  e = ar_name_table_find(words, ar_hash_bytes(h, "f", 1));
  if (!e || !(e->bits & bits)) return 0;
  h = ar_hash_bytes(h, " ", 1);
  h = ar_hash_bytes(h, z2, (int)strlen(z2));
  e = ar_name_table_find(words, ar_hash_bytes(h, "w", 1));
  return e && (e->bits & bits);
}

/* Length in tokens of a month name at i (two words for كانون الثاني ...). */
static int month_at(const ArNerText *t, int i, int *pAmbiguous) {
  const ArNerToken *tok = &t->aTok[i];
  int f;
  *pAmbiguous = 0;
  if (!tok->isWord) return 0;
  for (f = 0; f <= tok->nProc; f++) {
    if (pair_listed(t, i, f, AR_GZ_MONTH)) return 2;
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

/* A month at i, and the other series' name after it: across a slash
** (مارس/آذار, نوفمبر/تشرين الثاني), in parentheses (أبريل (نيسان)) or
** right after it (أبريل نيسان): the length in tokens, 0 when none. */
static int month_pair_at(const ArNerText *t, int i, int *pAmbiguous) {
  int m = month_at(t, i, pAmbiguous), amb2, m2, j;
  if (m == 0) return 0;
  j = i + m;
  if (is_mark(t, j, '/') || is_mark(t, j, '(')) j++;
  if (j < t->nTok && (m2 = month_at(t, j, &amb2)) > 0) {
    if (is_mark(t, j - 1, '(')) {
      if (!is_mark(t, j + m2, ')')) return m;
      m2++;
    }
    *pAmbiguous = 0;
    return j - i + m2;
  }
  return m;
}

/* Words before a bare year that make it a date: في 2007, منذ 2012 ... */
static int year_context(const ArNerText *t, int i) {
  return i >= 0 && i < t->nTok && t->aTok[i].isWord && (t->aTok[i].gaz & AR_GZ_YEAR_OPENER);
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

/* Is the month at i part of a date: a day before it, a year or الماضي
** after it, another month's name next to it (across a slash, in
** parentheses), or a word that opens a time before it (في, منذ, شهر)? */
static int month_in_date(const ArNerText *t, int i) {
  int amb;
  return is_day(t, i - 1) || is_year(t, i + 1) || is_relative(t, i + 1) || is_mark(t, i + 1, '/') ||
         is_mark(t, i - 1, '/') || year_context(t, i - 1) || is_period(t, i - 1) ||
         (i > 0 && month_at(t, i - 1, &amb)) || (i > 1 && is_mark(t, i - 1, '(') && month_at(t, i - 2, &amb)) ||
         (i + 1 < t->nTok && month_at(t, i + 1, &amb));
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

/* How often the lexicon saw token i without its first k letters. */
static long lex_count(const ArNerText *t, int i, int k) {
  const char *z = skip_of(t, i, k);
  uint32_t v = ar_lexicon_find(&ar_lexicon_data, z, (int)strlen(z));
  return v ? AR_LEXICON_COUNT(v) : 0;
}

/* How often does the lexicon hold the bare word i with the article (حظر:
** الحظر)? A common noun is often definite, a name seldom (رويترز). */
static long definite_count(const ArNerText *t, int i) {
  char zBuf[128];
  const char *z = bare_of(t, i);
  size_t n = strlen(z);
  uint32_t v;
  if (n + 5 > sizeof(zBuf)) return 0;
  memcpy(zBuf, "\xd8\xa7\xd9\x84", 4); /* ال */
  memcpy(zBuf + 4, z, n);
  v = ar_lexicon_find(&ar_lexicon_data, zBuf, (int)(n + 4));
  return v ? AR_LEXICON_COUNT(v) : 0;
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

/* Do the tagger's weights for the lexicon class of token i without its
** proclitics read a common word rather than a name of the type? */
static int class_reads_common(const ArNerModel *model, const ArNerText *t, int i, int type) {
  const char *z = bare_of(t, i);
  const int16_t *w =
      ar_ner_weights(model, ar_ner_lexicon_class_feature(ar_lexicon_find(&ar_lexicon_data, z, (int)strlen(z))));
  return w && w[AR_LABEL_O] > w[AR_LABEL_B(type)];
}

/* Is token i a common word rather than a name of the type, as the tagger's
** weights for the word and for its class in the lexicon read it? */
static int common_for(const ArNerModel *model, const ArNerText *t, int i, int type) {
  const ArNerToken *tok = &t->aTok[i];
  const int16_t *w = ar_ner_weights(model, ar_ner_word_feature(t, i));
  if (w) return w[AR_LABEL_O] > w[AR_LABEL_B(type)];
  w = ar_ner_weights(model, ar_ner_class_feature(t, i));
  return tok->lex && AR_LEXICON_COUNT(tok->lex) >= 50 && w && w[AR_LABEL_O] > w[AR_LABEL_B(type)];
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

/* Does a line break stand between tokens i-1 and i? */
static int line_break_before(const ArNerText *t, int i) {
  int k;
  if (i <= 0) return 0;
  for (k = t->aTok[i - 1].iByte + t->aTok[i - 1].nByte; k < t->aTok[i].iByte; k++) {
    if (t->z[k] == '\n' || t->z[k] == '\r') return 1;
  }
  return 0;
}


static int has_article_now(const ArNerToken *tok) { return tok->nAl > 0 || tok->restoreAl; }

/* Does the folded word end in ة (folded as ه)? */
static int ends_in_ta_marbuta(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  return tok->nCp > 0 && (t->aCp[tok->iCp + tok->nCp - 1] == 0x0629 || t->aCp[tok->iCp + tok->nCp - 1] == 0x0647);
}

/* Does the folded word end in a nisba (ي, ية, يين, يون: الجمهوري,
** الأمريكية, الديمقراطيين)? */
static int is_nisba(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  const uint32_t *a = t->aCp + tok->iCp;
  int n = tok->nCp;
  if (n < 4) return 0;
  if (a[n - 1] == 0x064A || (a[n - 1] == 0x0647 && a[n - 2] == 0x064A)) return 1;
  return n >= 6 && a[n - 3] == 0x064A && (a[n - 1] == 0x0646 && (a[n - 2] == 0x064A || a[n - 2] == 0x0648));
}

/* Does the word end in the feminine plural of a nisba (الديمقراطيات:
** للنساء الديمقراطيات)? */
static int plural_nisba(const ArNerText *t, int i) {
  return !t->aTok[i].nProc && t->aTok[i].nCp >= 6 && ends_in(t, i, "يات");
}

/* May token j go on with an organization's name opened before it? */
static int org_word(const ArNerText *t, const Mark *aMark, int j) {
  const ArNerToken *tok = &t->aTok[j];
  if (j >= t->nTok || aMark[j].type || !tok->isWord || tok->shape != AR_SHAPE_ARABIC) return 0;
  if (tok->gaz & (AR_GZ_FUNCTION | AR_GZ_TITLE | AR_GZ_SPEECH | AR_GZ_MONTH | AR_GZ_WEEKDAY)) return 0;
  if (tok->nConj && (tok->gaz & (AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER))) return 0;
  return has_article_now(tok);
}

/* The end of an organization [s, e) that goes on with adjectives: nisbas
** up to a country's adjective (حزب الوطنيين الديمقراطيين, حزب البديل
** التونسي), then a phrase of ل + ال (الاتحاد العام التونسي للشغل). */
static int org_extend(const ArNerText *t, const Mark *aMark, int s, int e) {
  if (!(t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ)) {
    while (e < t->nTok && e - s < AR_NAME_MAX_WORDS && org_word(t, aMark, e) && !t->aTok[e].nProc &&
           (is_nisba(t, e) || (t->aTok[e].gaz & AR_GZ_COUNTRY_ADJ))) {
      e++;
      if (t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) break;
    }
  }
  if (t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) {
    while (e < t->nTok && e - s < AR_NAME_MAX_WORDS && org_word(t, aMark, e) &&
           (t->aTok[e].restoreAl || (t->aTok[e - 1].restoreAl && (t->aTok[e].nConj || plural_nisba(t, e)))))
      e++;
  }
  return e;
}

/* Tokens [s, e) are no entity; what follows starts one. */
static void clear_span(const ArNerText *t, Mark *aMark, int s, int e) {
  int k;
  for (k = s; k < e; k++) aMark[k].type = 0, aMark[k].match = -1;
  if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
}

static void mark_span(const ArNerText *t, Mark *aMark, int s, int e, int type) {
  int k;
  for (k = s; k < e; k++) {
    aMark[k].type = (unsigned char)type;
    aMark[k].begin = k == s;
    aMark[k].match = -1;
  }
  if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
}

/* Is token i the adjective of a political body (جبهة الإنقاذ الوطني, جبهة
** العمل الإسلامي), which ends its name as a country's adjective does? Folded. */
static int political_adjective(const ArNerText *t, int i) {
  static const char *const az[] = {"الوطني", "الوطنيه", "الاسلامي", "الاسلاميه", "الشعبي", "الشعبيه",
                                   "الديمقراطي", "الديمقراطيه", "الاشتراكي", "الاشتراكيه", "الثوري",
                                   "الثوريه", "القومي", "القوميه", "التقدمي", "التقدميه"};
  return !t->aTok[i].nProc && word_of(t, i, az, sizeof(az) / sizeof(az[0]));
}

/* Does the name after a trigger that is a common noun too (جبهة, قوات,
** إدارة) hold a country's adjective in its next three words (قوات التحالف
** الدولي, جهاز الاستخبارات الخارجية الروسية; not إدارة المباراة النهائية), or
** as its second word a political body's, after a noun that is no trigger
** (جبهة الإنقاذ الوطني; not إدارة المنتخب الوطني)? */
static int weak_trigger_name(const ArNerText *t, const Mark *aMark, int j, int e) {
  int k;
  for (k = j; k < e && k < j + 3; k++) {
    if (!t->aTok[k].isWord || (aMark && aMark[k].type && !(aMark[k].match >= 0 && aMark[k].type == AR_ENT_ORG)))
      return 0;
    if ((t->aTok[k].gaz & AR_GZ_COUNTRY_ADJ) ||
        (k == j + 1 && political_adjective(t, k) && !(t->aTok[j].gaz & AR_GZ_ORG_TRIGGER)))
      return 1;
  }
  return 0;
}

/* Does token i open a phrase of ل + ال (للشغل, لكرة القدم)? */
static int lam_phrase(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  if (tok->restoreAl) return 1;
  return tok->nProc > tok->nConj && t->aCp[tok->iCp + tok->nConj] == 0x0644 && i + 1 < t->nTok &&
         t->aTok[i + 1].isWord && has_article_now(&t->aTok[i + 1]);
}

/* An organization the tagger cut after a noun that waits for its
** complement: a trigger and a common noun without its article go on
** with the definite noun and its adjectives (منظمة حظر الأسلحة الكيمياوية);
** a name after the trigger (وكالة رويترز) is whole. */
static void org_complements(const ArNerText *t, Mark *aMark) {
  int s, e;
  for (s = 0; s < t->nTok; s = e) {
    const ArNerToken *last;
    e = s + 1;
    if (aMark[s].type != AR_ENT_ORG || !aMark[s].begin) continue;
    e = span_end(t, aMark, s);
    last = &t->aTok[e - 1];
    if (aMark[s].match >= 0 || e - s != 2 || !(t->aTok[s].gaz & AR_GZ_ORG_TRIGGER) || last->nAl || last->nProc ||
        last->shape != AR_SHAPE_ARABIC || definite_count(t, e - 1) < 20 || !org_word(t, aMark, e) ||
        t->aTok[e].nProc || (t->aTok[e].gaz & (AR_GZ_DATE_PERIOD | AR_GZ_DATE_RELATIVE)))
      continue;
    e = org_extend(t, aMark, s, e + 1);
    mark_span(t, aMark, s, e, AR_ENT_ORG);
  }
}

/* Is token i, without its proclitics, a kind of association, whose name
** may end in its field (المركز المصري للدراسات, المجلس الدولي للزيتون)?
** Folded spellings. */
static int association(const ArNerText *t, int i) {
  static const char *const az[] = {"المركز", "المجلس", "الجمعيه", "اللجنه", "المحكمه", "الرابطه", "المكتب",
                                   "المعهد", "المنظمه", "الهيئه", "الشبكه", "الصندوق", "الاتحاد", "النقابه",
                                   "المنتدى"};
  return word_of(t, i, az, sizeof(az) / sizeof(az[0]));
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
      e = span_end(t, aMark, i + 1);
      mark_span(t, aMark, i, org_extend(t, aMark, i, e), AR_ENT_ORG);
      continue;
    }
    j = i + 1;
    /* لجنة للتحقيق is a committee, not a name */
    if (t->aTok[j].restoreAl) continue;
    if (!org_word(t, aMark, j)) {
      /* مجلس نواب الشعب: one bare noun, then a definite one */
      const ArNerToken *nx = &t->aTok[j];
      if (definite || media || aMark[j].type || !nx->isWord || nx->shape != AR_SHAPE_ARABIC || nx->nProc ||
          never_name(t, j) || !org_word(t, aMark, j + 1))
        continue;
    }
    /* الحزب الجمهوري; not الحزب الحاكم, nor الإدارة الأميركية (a country's adjective alone, but
    ** for an association and a phrase of ل + ال after it: الجمعية التونسية للنساء الديمقراطيات,
    ** not الإدارة الأمريكية للتخلي); a trigger that is also a common noun asks the same (قوات
    ** التحالف الدولي, not جبهة الميمنة) */
    if (definite && (t->aTok[j].gaz & AR_GZ_COUNTRY_ADJ) &&
        !(j + 1 < t->nTok && t->aTok[j + 1].restoreAl && org_word(t, aMark, j + 1) && association(t, i) &&
          !is_word(t, j + 1, "للمره")))
      continue;
    if (definite && !is_nisba(t, j) &&
        !(j + 1 < t->nTok && is_nisba(t, j + 1) &&
          (org_word(t, aMark, j + 1) || (aMark[j + 1].match >= 0 && aMark[j + 1].type == AR_ENT_ORG))))
      continue;
    if ((tok->gaz & AR_GZ_WEAK_TRIGGER) && !weak_trigger_name(t, aMark, j, t->nTok)) continue;
    /* وكالة الأنباء الفلبينية: a country's agency, named whole */
    if (media && is_word(t, j, "الانباء") && j + 1 < t->nTok && org_word(t, aMark, j + 1) &&
        (t->aTok[j + 1].gaz & AR_GZ_COUNTRY_ADJ)) {
      mark_span(t, aMark, i, j + 2, AR_ENT_ORG);
      i = j + 1;
      continue;
    }
    /* صحيفة الغارديان, not شبكة الإنترنت: the name is not a word the tagger knows as common,
    ** nor a noun and its adjective (منصة التواصل الاجتماعي) */
    if (media && (common_word(model, t, j) || (t->aTok[j].gaz & AR_GZ_COUNTRY_ADJ))) continue;
    if (media && has_article_now(&t->aTok[j]) && j + 1 < t->nTok && org_word(t, aMark, j + 1) && is_nisba(t, j + 1))
      continue;
    e = j + 1;
    if (!(t->aTok[j].gaz & AR_GZ_COUNTRY_ADJ)) {
      /* a word with ب or ك before its article ends the name (رئاسة الحكومة المكلفة بالعلاقات) */
      while (e < t->nTok && e - i < AR_NAME_MAX_WORDS) {
        const ArNerMatch *m = aMark[e].match >= 0 ? &t->aMatch[aMark[e].match] : 0;
        /* a name of the gazetteers that goes on with the trigger's (جهاز الاستخبارات الخارجية الروسية) */
        if (m && m->iTok == e && m->type == AR_ENT_ORG && has_article_now(&t->aTok[e]) && !t->aTok[e].nProc &&
            e + m->nTok - i <= AR_NAME_MAX_WORDS) {
          e += m->nTok;
          if (t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) break;
          continue;
        }
        if (!org_word(t, aMark, e) || (t->aTok[e].nProc > t->aTok[e].nConj && !t->aTok[e].restoreAl)) break;
        e++;
        if ((t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) ||
            ((tok->gaz & AR_GZ_WEAK_TRIGGER) && e - 1 == j + 1 && political_adjective(t, e - 1)))
          break;
      }
    }
    e = org_extend(t, aMark, i, e);
    if (media && e - j > 2) e = j + 2;
    mark_span(t, aMark, media ? j : i, e, AR_ENT_ORG);
    i = e - 1;
  }
  /* The tagger's organizations that a trigger opens go on with their adjectives; after
  ** صحيفة, نادي ... the name is what follows (نادي شونغكينغ ليفان is شونغكينغ ليفان), in
  ** one piece. */
  for (i = 0; i < t->nTok; i++) {
    int e;
    if (aMark[i].type != AR_ENT_ORG || !aMark[i].begin || aMark[i].match >= 0) continue;
    e = span_end(t, aMark, i);
    if ((t->aTok[i].gaz & AR_GZ_MEDIA) && t->aTok[i].nConj == t->aTok[i].nProc && i + 1 < t->nTok &&
        t->aTok[i + 1].isWord) {
      int e2 = e;
      while (e2 < t->nTok && e2 - i <= 3 && aMark[e2].type == AR_ENT_ORG && aMark[e2].match < 0)
        e2 = span_end(t, aMark, e2);
      if (e2 - i > 3) e2 = e;
      aMark[i].type = 0;
      if (e2 - i > 1) mark_span(t, aMark, i + 1, e2, AR_ENT_ORG);
      i = e2 - 1;
      continue;
    }
    if ((t->aTok[i].gaz & AR_GZ_ORG_TRIGGER) && !(t->aTok[i].gaz & AR_GZ_MEDIA) && e < t->nTok) {
      int e2 = org_extend(t, aMark, i, e);
      if (e2 > e) mark_span(t, aMark, i, e2, AR_ENT_ORG);
      e = e2;
    }
    i = e - 1;
  }
}

/* A country's body named by its kind and the country's adjective (الجيش
** التركي, السفارة الفلبينية, المخابرات المركزية الأمريكية, الخارجية
** الروسية; not وزير الخارجية الروسي, the minister), though a definite
** trigger alone asks for another nisba (not الإدارة الأميركية, the
** administration); and a ministry of the gazetteer goes on with its
** country's adjective (وزارة الخارجية الكويتية). */
/* Is token i an adjective of the list that names no country (الدولية,
** الأممية, الاتحادية, الفيدرالية, العربية)? */
static int written_as_adj(const ArNerText *t, int i) {
  static const char *const az[] = {"دولي", "اممي", "اتحادي", "فيدرالي", "فدرالي", "عربي"};
  const char *z = skip_of(t, i, t->aTok[i].nProc + (t->aTok[i].restoreAl ? 0 : t->aTok[i].nAl));
  size_t k;
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    if (strncmp(z, az[k], strlen(az[k])) == 0) return 1;
  }
  return 0;
}

static void country_bodies(const ArNerText *t, Mark *aMark) {
  static const char *const azKind[] = {"الجيش", "البحريه", "الشرطه", "المخابرات", "الاستخبارات", "السفاره",
                                       "القنصليه", "الخارجيه", "الداخليه", "الدفاع", "البرلمان"};
  int i, a;
  for (i = 0; i + 1 < t->nTok; i++) {
    const ArNerMatch *m = aMark[i].match >= 0 ? &t->aMatch[aMark[i].match] : 0;
    if (m && m->iTok == i && m->type == AR_ENT_ORG && (is_word(t, i, "وزاره") || is_fold(t, i, "وزاره"))) {
      a = i + m->nTok;
      if (a < t->nTok && !aMark[a].type && (t->aTok[a].gaz & AR_GZ_COUNTRY_ADJ) && has_article_now(&t->aTok[a]) &&
          !t->aTok[a].nProc && !(t->aTok[a - 1].gaz & AR_GZ_COUNTRY_ADJ)) {
        mark_span(t, aMark, i, a + 1, AR_ENT_ORG);
        i = a;
      }
      continue;
    }
    /* the cheap tests first: a country's adjective one or two words on; وزير الخارجية الروسي
    ** is a minister */
    if (aMark[i].type || t->aTok[i].nProc || !t->aTok[i].nAl ||
        !((t->aTok[i + 1].gaz & AR_GZ_COUNTRY_ADJ) || (i + 2 < t->nTok && (t->aTok[i + 2].gaz & AR_GZ_COUNTRY_ADJ))) ||
        (i > 0 && (t->aTok[i - 1].gaz & AR_GZ_TITLE)) || !word_of(t, i, azKind, sizeof(azKind) / sizeof(azKind[0])))
      continue;
    a = i + 1;
    if (a + 1 < t->nTok && org_word(t, aMark, a) && !t->aTok[a].nProc && is_nisba(t, a) &&
        !(t->aTok[a].gaz & AR_GZ_COUNTRY_ADJ))
      a++;
    /* not of a world or a union (البحرية الدولية, الشرطة الاتحادية), unless a country's
    ** follows (الجيش العربي السوري) */
    if (a < t->nTok && written_as_adj(t, a)) {
      if (a + 1 < t->nTok && org_word(t, aMark, a + 1) && (t->aTok[a + 1].gaz & AR_GZ_COUNTRY_ADJ) &&
          !written_as_adj(t, a + 1))
        a++;
      else
        continue;
    }
    /* the adjective agrees with the body (الجيش التركي, المخابرات الأمريكية) or with the
    ** ministry left out (الخارجية الروسية, الدفاع الروسية) */
    if (aMark[a].type || !(t->aTok[a].gaz & AR_GZ_COUNTRY_ADJ) || !has_article_now(&t->aTok[a]) || t->aTok[a].nProc ||
        line_break_before(t, a) || ends_in_ta_marbuta(t, a) != !(is_word(t, i, "الجيش") || is_word(t, i, "البرلمان")))
      continue;
    mark_span(t, aMark, i, a + 1, AR_ENT_ORG);
    i = a;
  }
}

/* Is token i a quotation mark (or, with parens, a parenthesis)? */
static int is_quote_or(const ArNerText *t, int i, int parens) {
  uint32_t c;
  if (i < 0 || i >= t->nTok || t->aTok[i].isWord) return 0;
  c = t->aCp[t->aTok[i].iCp];
  return c == '"' || c == 0x201C || c == 0x201D || c == 0x201E || c == 0x00AB || c == 0x00BB ||
         (parens && (c == '(' || c == ')'));
}
static int is_quote(const ArNerText *t, int i) { return is_quote_or(t, i, 1); }

/* A name in quotes after an organization's trigger: وكالتا "بلومبرغ"
** و"ذا بيل", شبكة "أن. بي. سي", or in parentheses after a medium's: قناة
** (الحرة). The words inside, whatever they are, up to five, the first not
** a number. Then "و" and another quoted name go on with it. */
static void quoted_names(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 0; i + 2 < t->nTok; i++) {
    int q, k, nWords, parens = (t->aTok[i].gaz & AR_GZ_MEDIA) != 0;
    if (!t->aTok[i].isWord || !(t->aTok[i].gaz & AR_GZ_ORG_TRIGGER) || !is_quote_or(t, i + 1, parens)) continue;
    for (;;) {
      for (q = i + 2, nWords = 0; q < t->nTok && q - i < 12 && !is_quote_or(t, q, parens); q++) {
        if (t->aTok[q].isWord) nWords++;
        else if (!may_join_name(t->aCp[t->aTok[q].iCp])) break;
        if (line_break_before(t, q)) break;
      }
      if (q >= t->nTok || !is_quote_or(t, q, parens) || nWords == 0 || nWords > 5 || !t->aTok[i + 2].isWord ||
          t->aTok[i + 2].shape == AR_SHAPE_DIGITS || !t->aTok[q - 1].isWord)
        break;
      /* a gazetteer's name that is the whole quote keeps its canonical */
      if (!(aMark[i + 2].match >= 0 && t->aMatch[aMark[i + 2].match].iTok == i + 2 &&
            t->aMatch[aMark[i + 2].match].nTok == q - i - 2 && aMark[i + 2].type == AR_ENT_ORG)) {
        mark_span(t, aMark, i + 2, q, AR_ENT_ORG);
      }
      aMark[i + 1].type = aMark[q].type = 0;
      if (aMark[i].match < 0) aMark[i].type = 0;
      for (k = i + 2; k < q; k++) aMark[k].begin = k == i + 2;
      if (q + 1 < t->nTok && aMark[q + 1].type) aMark[q + 1].begin = 1;
      /* و"ذا بيل" */
      if (q + 2 < t->nTok && is_word(t, q + 1, "و") && is_quote_or(t, q + 2, parens)) {
        i = q + 1;
        continue;
      }
      break;
    }
  }
}

/* Latin words that gloss an Arabic term are no name: a span of Latin
** words starting in lower case (hard disks), or all the words in
** parentheses after an Arabic word that is no name nor a trigger
** (وحدة المعالجة المركزية (CPU)), or after بالإنجليزية: (the name is the
** Arabic before it). A name's own gloss stays (منظمة الصحة العالمية (WHO)). */
static void latin_glosses(const ArNerText *t, Mark *aMark) {
  int s, e, k;
  for (s = 0; s < t->nTok; s = e) {
    int latin = 1;
    e = s + 1;
    if (!aMark[s].type || !aMark[s].begin || aMark[s].type == AR_ENT_DATE) continue;
    e = span_end(t, aMark, s);
    for (k = s; k < e && latin; k++) latin = !t->aTok[k].isWord || t->aTok[k].shape == AR_SHAPE_LATIN;
    if (!latin || aMark[s].match >= 0) continue;
    if ((t->aCp[t->aTok[s].iCp] >= 'a' && t->aCp[t->aTok[s].iCp] <= 'z') ||
        (is_mark(t, s - 1, '(') && is_mark(t, e, ')') && s >= 2 && t->aTok[s - 2].isWord &&
         t->aTok[s - 2].shape == AR_SHAPE_ARABIC && !aMark[s - 2].type &&
         !(t->aTok[s - 2].gaz & (AR_GZ_ORG_TRIGGER | AR_GZ_MEDIA | AR_GZ_LOC_TRIGGER | AR_GZ_TITLE))) ||
        (is_mark(t, s - 1, ':') && s >= 2 &&
         (is_word(t, s - 2, "بالانجليزيه") || is_word(t, s - 2, "بالانكليزيه") || is_word(t, s - 2, "بالفرنسيه"))))
      clear_span(t, aMark, s, e);
  }
}

/* Is token i a mark with a letter right before and after it, no space
** between (العربية.نت, جاي-إن)? */
static int tight_mark(const ArNerText *t, int i, uint32_t c) {
  return is_mark(t, i, c) && i > 0 && i + 1 < t->nTok && t->aTok[i - 1].isWord && t->aTok[i + 1].isWord &&
         t->aTok[i - 1].iByte + t->aTok[i - 1].nByte == t->aTok[i].iByte &&
         t->aTok[i].iByte + t->aTok[i].nByte == t->aTok[i + 1].iByte;
}

/* A news site named with its domain (العربية.نت, مصراوي.كوم): one
** organization, the name before the period with it. */
static void site_names(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 1; i + 1 < t->nTok; i++) {
    int s = i - 1;
    if (!tight_mark(t, i, '.') || !(is_fold(t, i + 1, "نت") || is_fold(t, i + 1, "كوم"))) continue;
    if (t->aTok[s].shape != AR_SHAPE_ARABIC || (t->aTok[s].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_TITLE)))
      continue;
    if (aMark[s].type == AR_ENT_ORG || aMark[s].type == AR_ENT_LOCATION) {
      while (s > 0 && !aMark[s].begin && aMark[s - 1].type == aMark[i - 1].type) s--;
    }
    clear_marks(t, aMark, s, i + 2);
    mark_span(t, aMark, s, i + 2, AR_ENT_ORG);
    i++;
  }
}

/* A medium named with what ends it (الجوهرة أف أم, مأرب برس, سكاي نيوز):
** the name is the word before, or the name the gazetteer or the tagger ends there. */
static void media_names(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 1; i < t->nTok; i++) {
    int n = 0, s = i - 1, e;
    if (t->aTok[i].nFold <= 4 && pair_listed(t, i, 0, AR_GZ_MEDIA_NAME)) n = 2; /* أف أم, تي في */
    else if (t->aTok[i].isWord && (t->aTok[i].gazWhole & AR_GZ_MEDIA_NAME)) n = 1;
    if (!n || t->aTok[s].shape == AR_SHAPE_DIGITS || line_break_before(t, i) ||
        (t->aTok[s].isWord && (t->aTok[s].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_TITLE | AR_GZ_MEDIA))))
      continue;
    /* الجوهرة "اف ام": the name is the word before the quote */
    if (!t->aTok[s].isWord && is_quote_or(t, s, 0) && s > 0 && t->aTok[s - 1].isWord && i + n < t->nTok &&
        is_quote_or(t, i + n, 0) && t->aTok[s - 1].shape == AR_SHAPE_ARABIC &&
        !(t->aTok[s - 1].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_TITLE | AR_GZ_MEDIA))) {
      clear_marks(t, aMark, s, i + n + 1);
      if (!(aMark[s - 1].type == AR_ENT_ORG && aMark[s - 1].match >= 0)) mark_span(t, aMark, s - 1, s, AR_ENT_ORG);
      i = i + n;
      continue;
    }
    if (!t->aTok[s].isWord) continue;
    e = i + n;
    /* already the gazetteer's name (فرانس برس) */
    if (aMark[i].match >= 0 && aMark[i].type == AR_ENT_ORG) continue;
    if (aMark[s].type && aMark[s].type != AR_ENT_DATE) {
      int a = s;
      while (a > 0 && !aMark[a].begin && aMark[a - 1].type == aMark[s].type) a--;
      if (s - a < 2) s = a;
    }
    mark_span(t, aMark, s, e, AR_ENT_ORG);
    i = e - 1;
  }
}

/* Is token i, as written, the name of a Latin letter (بي, سي, إن, دي; not إكس, the platform X)? */
static int letter_name(const ArNerText *t, int i) {
  static const char *const az[] = {"بي", "سي", "دي", "إف", "اف", "جي", "آي", "اي", "كي", "إل", "إم", "ام",
                                   "إن", "ان", "أو", "كيو", "آر", "إس", "تي", "يو", "في", "واي", "زد", "إتش", "اتش"};
  return written_as(t, i, az, sizeof(az) / sizeof(az[0]));
}

/* Is token i an adjective of a field or a continent, with its article
** (الاقتصادية, الأمني, الأفريقي), which describes a body without naming it? */
static int field_adjective(const ArNerText *t, int i) {
  static const char *const az[] = {"الاقتصادي", "السياسي", "الامني", "الاجتماعي", "الثقافي", "الاعلامي",
                                   "المالي", "الفني", "التقني", "الاداري", "القانوني", "الصحي", "الافريقي", "الاوروبي",
                                   "الاسيوي", "اللاتيني"};
  const char *z = bare_of(t, i);
  size_t k, n = strlen(z);
  for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
    size_t m = strlen(az[k]);
    /* the masculine, or the feminine in ه (folded ة) */
    if ((n == m || (n == m + 2 && strcmp(z + m, "ه") == 0)) && strncmp(z, az[k], m) == 0) return 1;
  }
  return 0;
}

/* What the tagger or the rules read as an organization or a place and is
** not one: a trigger alone (حزب, قصر), an organ of a body (المكتب السياسي,
** الكتلة البرلمانية للحزب). Names of the gazetteers are kept. */
static void org_guards(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  int s, e;
  /* a country's adjective, with its article or in the feminine, starts no place nor body of
  ** its own (الجولان السورية, شبكة سي بي إس الأمريكية, شركة فنزويلية للنفط); but a country
  ** (مالي, السعودية), a region's adjective (العربية the channel, الأطلسي the ocean) and a
  ** foreign word (أستراليان) are names */
  for (s = 0; s < t->nTok; s++) {
    const char *z;
    /* a kind of body and an adjective without the article: منظمة إرهابية "a terrorist organization" */
    if (aMark[s].type == AR_ENT_ORG && aMark[s].begin && aMark[s].match < 0 && span_end(t, aMark, s) == s + 2 &&
        (t->aTok[s].gaz & AR_GZ_ORG_TRIGGER) && !has_article_now(&t->aTok[s]) && !has_article_now(&t->aTok[s + 1]) &&
        !t->aTok[s + 1].nProc && is_nisba(t, s + 1)) {
      clear_span(t, aMark, s, s + 2);
      continue;
    }
    /* a kind of body in the masculine (not a plural in ات: القوات) and an adjective in the
    ** feminine, which is another noun's (متطلبات البنك الرأسمالية "the bank's capital needs") */
    if (aMark[s].type == AR_ENT_ORG && aMark[s].begin && aMark[s].match < 0 && s + 1 < span_end(t, aMark, s) &&
        (t->aTok[s].gaz & AR_GZ_ORG_TRIGGER) && has_article_now(&t->aTok[s]) && !ends_in_ta_marbuta(t, s) &&
        !ends_in(t, s, "ات") && has_article_now(&t->aTok[s + 1]) && !t->aTok[s + 1].nProc && is_nisba(t, s + 1) &&
        ends_in_ta_marbuta(t, s + 1)) {
      clear_span(t, aMark, s, span_end(t, aMark, s));
      continue;
    }
    if (!(t->aTok[s].gaz & AR_GZ_COUNTRY_ADJ) || (t->aTok[s].gaz & AR_GZ_PLACE_SPELLED) || !aMark[s].begin ||
        (aMark[s].type != AR_ENT_ORG && aMark[s].type != AR_ENT_LOCATION) || aMark[s].match >= 0 ||
        !(has_article_now(&t->aTok[s]) || ends_in_ta_marbuta(t, s)))
      continue;
    z = skip_of(t, s, t->aTok[s].nProc + (t->aTok[s].restoreAl ? 0 : t->aTok[s].nAl));
    if (strncmp(z, "عربي", strlen("عربي")) == 0 || strncmp(z, "اطلسي", strlen("اطلسي")) == 0) continue;
    clear_span(t, aMark, s, span_end(t, aMark, s));
  }
  /* a name of the gazetteers and the phrase of ل + ال the tagger reads after it are one
  ** name (الاتحاد الأوروبي لكرة القدم) */
  for (s = 1; s < t->nTok; s++) {
    if (aMark[s].type == AR_ENT_ORG && aMark[s].begin && aMark[s].match < 0 && lam_phrase(t, s) &&
        aMark[s - 1].type == AR_ENT_ORG && aMark[s - 1].match >= 0) {
      int a = s - 1, k, lam = 0;
      e = span_end(t, aMark, s);
      while (a > 0 && !aMark[a].begin) a--;
      /* ... but a name that has its phrase already takes no second one (الاتحاد العام التونسي
      ** للشغل | للتحركات الاجتماعية: what the union backs) */
      for (k = a + 1; k < s; k++) lam |= t->aTok[k].restoreAl;
      if (!lam && e - a <= AR_NAME_MAX_WORDS && (t->aTok[a].gaz & AR_GZ_ORG_TRIGGER))
        mark_span(t, aMark, a, e, AR_ENT_ORG);
    }
  }
  /* نادي كرة القدم بالمتلوي: after نادي a sport is no name; the club is named with it and its town,
  ** and without a town it is none */
  for (s = 1; s + 1 < t->nTok; s++) {
    if (!is_word(t, s - 1, "نادي") || !is_word(t, s, "كره") || !is_word(t, s + 1, "القدم")) continue;
    e = s + 2;
    if (e < t->nTok && aMark[e].type == AR_ENT_LOCATION && aMark[e].begin && t->aTok[e].nProc &&
        t->aCp[t->aTok[e].iCp + t->aTok[e].nConj] == 0x0628)
      e = span_end(t, aMark, e);
    if (e > s + 2) {
      mark_span(t, aMark, s - 1, e, AR_ENT_ORG);
    } else {
      clear_span(t, aMark, s - 1, e);
    }
  }
  for (s = 0; s < t->nTok; s = e) {
    const ArNerToken *tok = &t->aTok[s];
    int type = aMark[s].type, drop;
    e = s + 1;
    if (!type || type == AR_ENT_DATE || !aMark[s].begin) continue;
    e = span_end(t, aMark, s);
    if (aMark[s].match >= 0) continue;
    /* a word after a number is its unit (7.7 مليار ريال) */
    drop = e - s == 1 && s > 0 && (t->aTok[s - 1].shape == AR_SHAPE_DIGITS || (t->aTok[s - 1].gaz & AR_GZ_NUMBER));
    /* a common word the tagger reads as an organization, often in quotes ("سخيف", "خونة"),
    ** unless a trigger opens the quote (صحيفة "ماركا"); a phrase of ل + ال that qualifies
    ** the name before it (تويتر للتواصل الاجتماعي) */
    if (type == AR_ENT_ORG && e - s == 1 && !(tok->gaz & (AR_GZ_ORG | AR_GZ_ORG_TRIGGER)) &&
        !(is_quote(t, s - 1) && s > 1 && (t->aTok[s - 2].gaz & AR_GZ_ORG_TRIGGER)) &&
        (common_for(model, t, s, AR_ENT_ORG) ||
         (is_quote(t, s - 1) && is_quote(t, s + 1) && tok->lex && AR_LEXICON_COUNT(tok->lex) >= 5)))
      drop = 1;
    if (type == AR_ENT_ORG && tok->restoreAl && !(tok->gaz & AR_GZ_ORG_TRIGGER) && s > 0 && aMark[s - 1].type)
      drop = 1;
    /* the name of a letter alone (بي "me", بي of إن بي إي or بي,بي,سي cut apart) */
    if (type == AR_ENT_ORG && e - s == 1 && letter_name(t, s)) drop = 1;
    /* a trigger alone (حزب, قصر) */
    if (e - s == 1 && (tok->gaz & (type == AR_ENT_ORG ? AR_GZ_ORG_TRIGGER : type == AR_ENT_LOCATION ? AR_GZ_LOC_TRIGGER : 0)))
      drop = 1;
    /* a trigger that is a common noun too, then common words (حركة التبادل التجاري, قوات الأمن) */
    if (type == AR_ENT_ORG && (tok->gaz & AR_GZ_WEAK_TRIGGER) && !has_article_now(tok) && e - s >= 2 &&
        !weak_trigger_name(t, 0, s + 1, e)) {
      int k, named = 0;
      for (k = s + 1; k < e; k++) named |= !has_article_now(&t->aTok[k]);
      drop |= !named;
    }
    if (type == AR_ENT_ORG && e - s >= 2 && has_article_now(tok) && (tok->gaz & AR_GZ_ORG_TRIGGER) &&
        (t->aTok[s + 1].gaz & AR_GZ_ORGAN) &&
        (e == s + 2 || (e == s + 3 && t->aTok[s + 2].restoreAl && (t->aTok[s + 2].gaz & AR_GZ_ORG_TRIGGER))))
      drop = 1;
    /* a kind of body and a field or a continent, not a name: المجموعة الاقتصادية, اللجنة
    ** الأمنية, المنتخب الأفريقي ("the African side") */
    if (type == AR_ENT_ORG && e - s == 2 && has_article_now(tok) && !tok->nProc && (tok->gaz & AR_GZ_ORG_TRIGGER) &&
        field_adjective(t, s + 1))
      drop = 1;
    if (drop) clear_span(t, aMark, s, e);
  }
}

/* The title of a work is not an entity: after برنامج, فيلم ... a quoted
** title, or a place or an organization of the tagger (برنامج بوليتيكا). */
/* Is token i a word before the place a treaty is named for (ميثاق روما,
** وثيقة قرطاج: وثيقة as written, its و no conjunction)? */
static int treaty_word(const ArNerText *t, int i) {
  static const char *const az[] = {"اتفاقيه", "الاتفاقيه", "ميثاق", "معاهده", "بروتوكول", "وثيقه"};
  return word_or_whole_of(t, i, az, sizeof(az) / sizeof(az[0]));
}

static void work_titles(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 0; i + 1 < t->nTok; i++) {
    int s = i + 1, e;
    /* كأس الاتحاد الأفريقي, كأس تونس: a competition named for a body or a place is neither; nor
    ** is the place a treaty is named for (ميثاق روما; but اتفاق إيران is with Iran) */
    if (t->aTok[i].isWord && !aMark[i].type &&
        (is_word(t, i, "كاس") || is_word(t, i, "الكاس") || is_word(t, i, "بطوله") || is_word(t, i, "ابطال") ||
         (aMark[s].type == AR_ENT_LOCATION && treaty_word(t, i) && !is_mark(t, span_end(t, aMark, s), '-'))) &&
        (aMark[s].type == AR_ENT_ORG || aMark[s].type == AR_ENT_LOCATION) && aMark[s].begin && !t->aTok[s].nProc) {
      e = span_end(t, aMark, s);
      clear_span(t, aMark, s, e);
      i = e - 1;
      continue;
    }
    /* في مداخلة له في بوليتيكا, ضيف برنامج: after له or لها and a preposition, a programme */
    if (t->aTok[i].isWord && (t->aTok[i].gaz & AR_GZ_BROADCAST) && !aMark[i].type) {
      int k = i + 1;
      while (k < t->nTok && k <= i + 3 &&
             (is_fold(t, k, "له") || is_fold(t, k, "لها") || is_fold(t, k, "لهم") || is_fold(t, k, "هاتفيه") ||
              is_fold(t, k, "اذاعيه") || is_fold(t, k, "مباشره")))
        k++;
      if (k < t->nTok && (is_fold(t, k, "في") || is_fold(t, k, "عبر") || is_fold(t, k, "ضمن"))) k++;
      if (k < t->nTok && (aMark[k].type == AR_ENT_LOCATION || aMark[k].type == AR_ENT_ORG) && aMark[k].begin &&
          aMark[k].match < 0) {
        e = span_end(t, aMark, k);
        clear_span(t, aMark, k, e);
        i = e - 1;
        continue;
      }
    }
    if (!t->aTok[i].isWord || !(t->aTok[i].gaz & AR_GZ_WORK) || aMark[i].type) continue;
    if (is_quote(t, s)) {
      for (e = s + 1; e < t->nTok && e - s < 12 && !is_quote(t, e) && !line_break_before(t, e); e++) {
      }
      if (e >= t->nTok || !is_quote(t, e)) continue;
    } else {
      if (!aMark[s].type || aMark[s].type == AR_ENT_PERSON || aMark[s].type == AR_ENT_DATE || aMark[s].match >= 0)
        continue;
      e = span_end(t, aMark, s);
    }
    clear_span(t, aMark, s, e);
    i = e - 1;
  }
}

/* Does token i name a place after ب, ل or في (بسوسة, في القيروان)? The
** end of that place, else 0. */
static int place_after(const ArNerText *t, const Mark *aMark, int i) {
  const ArNerToken *tok;
  if (i >= t->nTok || !t->aTok[i].isWord) return 0;
  if (is_fold(t, i, "في") && i + 1 < t->nTok && aMark[i + 1].type == AR_ENT_LOCATION && aMark[i + 1].begin)
    return span_end(t, aMark, i + 1);
  tok = &t->aTok[i];
  if (aMark[i].type != AR_ENT_LOCATION || !aMark[i].begin || tok->restoreAl) return 0;
  if (tok->nProc > tok->nConj) {
    if (t->aCp[tok->iCp + tok->nConj] != 0x0628 && t->aCp[tok->iCp + tok->nConj] != 0x0644) return 0;
  } else if (!(aMark[i].match >= 0 && t->aMatch[aMark[i].match].iTok == i && t->aMatch[aMark[i].match].stripFirst == 1 &&
               (t->aCp[tok->iCp] == 0x0628 || t->aCp[tok->iCp] == 0x0644))) {
    return 0; /* ببن عروس: the one letter the parse leaves */
  }
  return span_end(t, aMark, i);
}

/* Is token i an ordinal with its article (الرابعة, الأولى, الثاني)? */
static int ordinal(const ArNerText *t, int i) {
  static const char *const az[] = {"الاول", "الاولي", "الثاني", "الثانيه", "الثالث", "الثالثه", "الرابع", "الرابعه",
                                   "الخامس", "الخامسه", "السادس", "السادسه", "السابع", "السابعه", "الثامن", "الثامنه",
                                   "التاسع", "التاسعه", "العاشر", "العاشره"};
  return word_of(t, i, az, sizeof(az) / sizeof(az[0]));
}

/* A body every town has (المحكمة الابتدائية, الاتحاد الجهوي للشغل) names
** one body only with its town: المحكمة الابتدائية بسوسة is a name, the
** court alone is none. A club's name of "sporting" goes on with its town
** the same way (النجم الرياضي بالمتلوي). */
static void generic_bodies(const ArNerText *t, Mark *aMark) {
  int s, e, k;
  for (s = 0; s + 1 < t->nTok; s = e) {
    int generic = 0, end;
    e = s + 1;
    if (aMark[s].type != AR_ENT_ORG || !aMark[s].begin) continue;
    e = span_end(t, aMark, s);
    if (aMark[s].match >= 0 || e - s < 2) continue;
    /* لجنة as written too: its ل is no proclitic */
    if (pair_listed(t, s, t->aTok[s].nProc, AR_GZ_GENERIC_BODY) || pair_listed(t, s, 0, AR_GZ_GENERIC_BODY) ||
        (t->aTok[s].restoreAl && pair_listed(t, s, t->aTok[s].nProc - 1, AR_GZ_GENERIC_BODY))) {
      generic = 1;
      /* what follows the two words is a phrase of ل + ال (للشغل) or an ordinal (الدائرة
      ** الجنائية الرابعة), not a name */
      for (k = s + 2; k < e; k++) {
        if (!t->aTok[k].restoreAl && !(t->aTok[k].nConj && has_article_now(&t->aTok[k])) && !ordinal(t, k))
          generic = 0;
      }
    } else if (e - s == 2 && (t->aTok[s].gaz & AR_GZ_CLUB) && (is_word(t, s + 1, "الرياضي") || is_word(t, s + 1, "الرياضيه"))) {
      generic = 2;
    }
    if (!generic) continue;
    end = place_after(t, aMark, e);
    if (end && end - s <= AR_NAME_MAX_WORDS + 2) {
      mark_span(t, aMark, s, end, AR_ENT_ORG);
      e = end;
    } else if (generic == 1) {
      clear_span(t, aMark, s, e);
    }
  }
}

/* A word that opens a town's name is no place alone: سيدي بوعلي, منزل
** تميم are one place with the word after them (whatever the tagger made of
** it), سيدي alone is none; قصر before a place is a palace, a place of its
** own (قصر قرطاج). */
static void place_heads(const ArNerText *t, Mark *aMark) {
  int s;
  for (s = 0; s < t->nTok; s++) {
    const ArNerToken *nx;
    if (aMark[s].type != AR_ENT_LOCATION || !aMark[s].begin || aMark[s].match >= 0 ||
        span_end(t, aMark, s) != s + 1 || !(t->aTok[s].gaz & AR_GZ_PLACE_HEAD))
      continue;
    nx = s + 1 < t->nTok ? &t->aTok[s + 1] : 0;
    if (nx && nx->isWord && nx->shape == AR_SHAPE_ARABIC && !nx->nProc && !never_name(t, s + 1) &&
        !line_break_before(t, s + 1) && (!aMark[s + 1].type || span_end(t, aMark, s + 1) == s + 2) &&
        aMark[s + 1].type != AR_ENT_DATE) {
      mark_span(t, aMark, s, s + 2, AR_ENT_LOCATION);
      s++;
    } else {
      clear_span(t, aMark, s, s + 1);
    }
  }
  for (s = 1; s < t->nTok; s++) {
    if (aMark[s].type == AR_ENT_LOCATION && aMark[s].begin && !aMark[s - 1].type && is_word(t, s - 1, "قصر") &&
        !t->aTok[s].nProc && !line_break_before(t, s)) {
      int e = span_end(t, aMark, s);
      mark_span(t, aMark, s - 1, e, AR_ENT_LOCATION);
      s = e - 1;
    }
  }
}

/* A person a street, a square or an airport is named for is no mention of
** the person (شارع الحبيب بورقيبة, مطار الملك خالد): the span after the
** word of the place, or after it and a title, is left out. */
static void places_named_for_persons(const ArNerText *t, Mark *aMark) {
  static const char *const az[] = {"شارع", "نهج", "ساحه", "ميدان", "جاده", "مطار", "ملعب", "استاد"}; /* folded */
  int i;
  for (i = 0; i + 1 < t->nTok; i++) {
    int s = i + 1;
    if (aMark[i].type || !word_of(t, i, az, sizeof(az) / sizeof(az[0]))) continue;
    if (!aMark[s].type && (t->aTok[s].gaz & AR_GZ_TITLE) && s + 1 < t->nTok) s++;
    if (aMark[s].type == AR_ENT_PERSON && aMark[s].begin && !t->aTok[s].nProc && !line_break_before(t, s))
      clear_marks(t, aMark, s, span_end(t, aMark, s));
  }
}

/* منتصر بالله, فتح الله غولن: a person whose span starts at الله or بالله
** starts one word before, with the name that الله completes. */
static void compound_names(const ArNerText *t, Mark *aMark) {
  int s;
  for (s = 1; s < t->nTok; s++) {
    const ArNerToken *pv = &t->aTok[s - 1];
    if (aMark[s].type != AR_ENT_PERSON || !aMark[s].begin || strcmp(bare_of(t, s), "الله") != 0) continue;
    if (!pv->isWord || pv->shape != AR_SHAPE_ARABIC || pv->nProc || never_name(t, s - 1) || line_break_before(t, s) ||
        (aMark[s - 1].type && aMark[s - 1].type != AR_ENT_PERSON))
      continue;
    if (!aMark[s - 1].type) {
      aMark[s - 1].type = AR_ENT_PERSON;
      aMark[s - 1].match = -1;
      aMark[s - 1].begin = 1;
    }
    aMark[s].begin = 0;
  }
}

/* ---- clubs named for their town ---- */

/* Is token i a country's adjective in the masculine, with its article
** (الإسباني, not الإسبانية: a club, not a city)? */
static int masculine_country_adj(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  return i < t->nTok && tok->isWord && (tok->gaz & AR_GZ_COUNTRY_ADJ) && tok->nAl && tok->nProc == 0 &&
         t->aCp[tok->iCp + tok->nCp - 1] == 0x064A;
}

/* Is token i the adjective of a town, not of a country (الصفاقسي, not الفرنسي)? */
static int town_adj(const ArNerText *t, int i) {
  return i < t->nTok && t->aTok[i].isWord && (t->aTok[i].gaz & AR_GZ_PLACE_NISBA) &&
         !(t->aTok[i].gaz & AR_GZ_COUNTRY_ADJ) && t->aTok[i].nAl && t->aTok[i].nProc == 0;
}

/* A club named for its town: a place and its town's adjective (المغرب
** الفاسي), a city and a country's adjective in the masculine (برشلونة
** الإسباني: the city would be الإسبانية), a place after a word of the game
** (لاعب برشلونة); and a club's word and its town's adjective (النجم
** الساحلي, المولودية الوجدية), or a country's (النادي الإفريقي, الملعب
** التونسي). */
static void clubs(const ArNerText *t, Mark *aMark) {
  static const char *const azByCountry[] = {"النادي", "الملعب", "الاهلي", "المنتخب", "منتخب", "الاتحاد"};
  int s, e, k, nSport = 0;
  for (s = 0; s < t->nTok; s++) nSport += (t->aTok[s].gaz & AR_GZ_SPORT) != 0;
  for (s = 0; s < t->nTok; s = e) {
    e = s + 1;
    if (aMark[s].type != AR_ENT_LOCATION || !aMark[s].begin) continue;
    e = span_end(t, aMark, s);
    if (aMark[s].match >= 0 && t->aMatch[aMark[s].match].fromUser) continue;
    /* a table of results: بوردو ( فرنسا ); a place before a score may be a country's team */
    if (nSport >= 2 && e - s == 1 && !t->aTok[s].nProc && !(s > 0 && is_mark(t, s - 1, '(')) &&
        is_mark(t, e, '(') && e + 2 < t->nTok && aMark[e + 1].type == AR_ENT_LOCATION && is_mark(t, e + 2, ')')) {
      mark_span(t, aMark, s, e, AR_ENT_ORG);
      continue;
    }
    /* the tagger may read the town's adjective as a place too; in the feminine it is the
    ** town's (طليطلة الأندلسية) */
    if (e < t->nTok && (!aMark[e].type || (aMark[e].type == AR_ENT_LOCATION && aMark[e].begin && span_end(t, aMark, e) == e + 1)) &&
        town_adj(t, e) && !ends_in_ta_marbuta(t, e)) {
      mark_span(t, aMark, s, e + 1, AR_ENT_ORG);
      e++;
    } else if (e < t->nTok && !aMark[e].type && masculine_country_adj(t, e) && e - s <= 2) {
      mark_span(t, aMark, s, e, AR_ENT_ORG);
    } else if (s > 0 && e - s == 1 && (t->aTok[s - 1].gaz & AR_GZ_SPORT) &&
               (aMark[s].match >= 0 ? !t->aMatch[aMark[s].match].stripFirst : !t->aTok[s].nProc)) {
      /* منتخب مصر is the team's name, مصر alone the country's */
      mark_span(t, aMark, is_word(t, s - 1, "منتخب") && !aMark[s - 1].type ? s - 1 : s, e, AR_ENT_ORG);
    }
  }
  for (s = 0; s + 1 < t->nTok; s++) {
    int byCountry = 0;
    if (!(t->aTok[s].gaz & AR_GZ_CLUB) || (aMark[s].type && aMark[s].match >= 0) ||
        (aMark[s + 1].type && aMark[s + 1].match >= 0 && aMark[s + 1].type != AR_ENT_LOCATION))
      continue;
    for (k = 0; k < (int)(sizeof(azByCountry) / sizeof(azByCountry[0])); k++) byCountry |= is_word(t, s, azByCountry[k]);
    /* النجم الرياضي الساحلي, الترجي الرياضي التونسي: "sporting" between the club and its town */
    if (s + 2 < t->nTok && (is_word(t, s + 1, "الرياضي") || is_word(t, s + 1, "الرياضيه")) &&
        t->aTok[s + 2].isWord && t->aTok[s + 2].nAl && !t->aTok[s + 2].nProc && is_nisba(t, s + 2) &&
        !(t->aTok[s + 2].gaz & (AR_GZ_FUNCTION | AR_GZ_ORGAN)) && !line_break_before(t, s + 2) &&
        !(aMark[s + 2].type && aMark[s + 2].match >= 0)) {
      mark_span(t, aMark, s, s + 3, AR_ENT_ORG);
      s += 2;
      continue;
    }
    /* أولمبيك مدنين, سبورتينغ بن عروس: a club's word, then its town */
    if (!has_article_now(&t->aTok[s]) && !is_word(t, s, "ملعب") && aMark[s + 1].type == AR_ENT_LOCATION && aMark[s + 1].begin &&
        !t->aTok[s + 1].nProc && (!aMark[s].type || (aMark[s].type == AR_ENT_ORG && span_end(t, aMark, s) == s + 1))) {
      int e2 = span_end(t, aMark, s + 1);
      if (e2 - s <= AR_NAME_MAX_WORDS) {
        /* نادي حمام الأنف is the club حمام الأنف: after نادي the name is what follows */
        mark_span(t, aMark, is_word(t, s, "نادي") || is_word(t, s, "ناد") ? s + 1 : s, e2, AR_ENT_ORG);
        if (is_word(t, s, "نادي") || is_word(t, s, "ناد")) aMark[s].type = 0, aMark[s].match = -1;
        s = e2 - 1;
        continue;
      }
    }
    if (town_adj(t, s + 1) || (byCountry && masculine_country_adj(t, s + 1) && !aMark[s + 1].type)) {
      if (aMark[s].type == AR_ENT_ORG && span_end(t, aMark, s) > s + 2) continue;
      mark_span(t, aMark, s, s + 2, AR_ENT_ORG);
      s++;
    }
  }
}

/* Is token i a word that names the kind of a body before its name (حزب,
** حركة, تنظيم), written without the article (حزب العمال, not الحزب)? */
static int bare_trigger(const ArNerText *t, int i) {
  return t->aTok[i].isWord && !has_article_now(&t->aTok[i]) &&
         ((t->aTok[i].gaz & AR_GZ_ORG_TRIGGER) || strcmp(bare_of(t, i), "تنظيم") == 0);
}

/* Hash of the name keys of tokens [s, s+n), the first without its
** proclitics, and whether it has the article (القاعدة, not قاعدة). */
static uint64_t words_hash(const ArNerText *t, int s, int n) {
  int al = has_article_now(&t->aTok[s]);
  uint64_t h = ar_hash_bytes(ar_hash_bytes(AR_HASH_INIT, &n, sizeof(n)), &al, sizeof(al));
  int k;
  for (k = s; k < s + n; k++) {
    uint64_t w = key_without(t, k, k == s ? t->aTok[k].nProc : 0, 0);
    h = ar_hash_bytes(h, &w, sizeof(w));
  }
  return h;
}

/* One reading per name for bodies: the name a text gives after a word of
** its kind (تنظيم القاعدة, حزب العمال الكردستاني, وزارة الخارجية الأمريكية)
** is the body wherever else it stands alone untagged (أن القاعدة, إن العمال
** الكردستاني, الخارجية الأمريكية), with its proclitics. A name of one word
** only when the tagger does not read it as a common word (الدفاع of وزارة
** الدفاع is "defence"). */
static int link_organizations(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  ArHashMap seen, firsts; /* the names' keys; their first words as folded, a cheap test first */
  int i, n = 0, found, longest = 0;
  for (i = 0; i < t->nTok; i++) n += aMark[i].type == AR_ENT_ORG && aMark[i].begin;
  if (n == 0) return AR_OK;
  if (ar_hashmap_init(&seen, 2 * n) != AR_OK) return AR_NOMEM;
  if (ar_hashmap_init(&firsts, 2 * n) != AR_OK) {
    ar_hashmap_free(&seen);
    return AR_NOMEM;
  }
  for (i = 0; i < t->nTok; i++) {
    int e, k, r;
    if (aMark[i].type != AR_ENT_ORG || !aMark[i].begin || !bare_trigger(t, i)) continue;
    e = span_end(t, aMark, i);
    r = e - i - 1;
    if (r < 1 || r > 3) continue;
    for (k = i + 1; k < e && t->aTok[k].isWord && t->aTok[k].shape == AR_SHAPE_ARABIC; k++) {
    }
    if (k < e || never_name(t, i + 1) || t->aTok[i + 1].nCp - t->aTok[i + 1].nProc < 3) continue;
    /* a common noun's body (دائرة النفوذ الإيراني), or a body of the body (كتائب حزب الله,
    ** رئاسة جامعة صنعاء): the name is not what follows the word */
    if ((t->aTok[i].gaz & AR_GZ_WEAK_TRIGGER) || bare_trigger(t, i + 1)) continue;
    /* a name of words ends with the adjective of its country, not of a region (الخارجية
    ** الأمريكية; not التجارة الإلكترونية, كرة القدم, الدول العربية: topics a body is named
    ** for); a name of one word is no common word, no place (إسبانيا of منتخب إسبانيا) and
    ** not الله of حزب الله */
    if (r > 1 && (!(t->aTok[e - 1].gaz & AR_GZ_COUNTRY_ADJ) || strncmp(bare_of(t, e - 1), "العربي", strlen("العربي")) == 0))
      continue;
    if (r == 1 && (common_for(model, t, i + 1, AR_ENT_ORG) || class_reads_common(model, t, i + 1, AR_ENT_ORG) ||
                   (t->aTok[i + 1].gaz & AR_GZ_LOCATION) || strcmp(bare_of(t, i + 1), "الله") == 0))
      continue;
    ar_hashmap_slot(&seen, words_hash(t, i + 1, r), &found);
    ar_hashmap_slot(&firsts, hash_str(bare_of(t, i + 1)), &found);
    if (r > longest) longest = r;
  }
  for (i = 0; i < t->nTok && longest; i++) {
    int r, k;
    if (aMark[i].type || t->aTok[i].shape != AR_SHAPE_ARABIC || never_name(t, i)) continue;
    if (!ar_hashmap_find(&firsts, hash_str(bare_of(t, i)))) continue;
    if (i > 0 && bare_trigger(t, i - 1)) continue;
    for (r = longest; r >= 1; r--) {
      for (k = i; k < i + r && k < t->nTok && !aMark[k].type && t->aTok[k].isWord; k++) {
      }
      if (k == i + r && ar_hashmap_find(&seen, words_hash(t, i, r))) break;
    }
    /* a word alone where the tagger, context and all, leans to a common word (فتح الباب) */
    if (r == 1) {
      int emit[AR_NER_NLABELS];
      int rc = ar_ner_emissions(model, t, i, emit);
      if (rc != AR_OK) {
        ar_hashmap_free(&seen);
        ar_hashmap_free(&firsts);
        return rc;
      }
      if (emit[AR_LABEL_B(AR_ENT_ORG)] <= emit[AR_LABEL_O]) r = 0;
    }
    if (r >= 1) {
      mark_span(t, aMark, i, i + r, AR_ENT_ORG);
      i += r - 1;
    }
  }
  ar_hashmap_free(&seen);
  ar_hashmap_free(&firsts);
  return AR_OK;
}

/* ---- precision guards ---- */

/* Is token i a noun with its article that news writes as often without
** it (القاعة, قاعة)? A family name with the article is seldom written
** without it (الغنوشي). */
static int common_noun(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  long nWith, nBare;
  if (tok->nAl == 0) return 0;
  if (word_listed(t, i, tok->nProc + tok->nAl, AR_GZ_FIRST_NAME)) return 0; /* الشريف, شريف */
  nWith = lex_count(t, i, tok->nProc);
  nBare = lex_count(t, i, tok->nProc + tok->nAl);
  return nBare >= 20 && 2 * nBare >= nWith;
}

/* Is token i a people or a faith named as a whole (الشيعة, الأكراد, السنة),
** a community and no organization? Folded spellings. */
static int is_community(const ArNerText *t, int i) {
  static const char *const azCommunity[] = {
      "الشيعه", "السنه", "الاكراد", "الكرد", "الدروز", "العلويين", "العلويون", "المسيحيين", "المسيحيون",
      "الاقباط", "اليهود", "المسلمين", "المسلمون", "الايزيديين", "الازيديين", "التركمان", "الامازيغ", "البدو"};
  size_t k;
  for (k = 0; k < sizeof(azCommunity) / sizeof(azCommunity[0]); k++) {
    if (is_word(t, i, azCommunity[k])) return 1;
  }
  return 0;
}

/* Is the organization from token s the riyal, a currency and no club: after
** an amount (90,000 ريال إيراني, 20 ألف ريال للوثيقة) or a word of value
** (قيمة الريال), or before a nisba or a phrase of ل (الريال الإيراني)? */
static int is_currency(const ArNerText *t, int s) {
  static const char *const azValue[] = {"قيمه", "سعر", "صرف", "عمله"}; /* folded */
  size_t k;
  if (!is_word(t, s, "ريال") && !is_word(t, s, "الريال")) return 0;
  if (s > 0 && (t->aTok[s - 1].shape == AR_SHAPE_DIGITS || (t->aTok[s - 1].gaz & AR_GZ_NUMBER))) return 1;
  for (k = 0; k < sizeof(azValue) / sizeof(azValue[0]); k++) {
    if (is_word(t, s - 1, azValue[k])) return 1;
  }
  return s + 1 < t->nTok && t->aTok[s + 1].isWord &&
         (is_nisba(t, s + 1) || (t->aTok[s + 1].gaz & AR_GZ_COUNTRY_ADJ) || t->aTok[s + 1].restoreAl ||
          (t->aTok[s + 1].nProc && strncmp(fold_of(t, s + 1), "ل", strlen("ل")) == 0));
}

/* Does token i end (يونايتد, سيتي, روفرز) or open (أتلتيكو, سبورتنغ) the
** name of a foreign club, a person's name never? Folded spellings. */
static int club_word(const ArNerText *t, int i, int last) {
  static const char *const azTail[] = {"يونايتد", "سيتي", "روفرز", "هوتسبير", "البيون", "واندررز", "ويدنزداي"};
  static const char *const azHead[] = {"اتلتيكو", "اتليتيكو", "اتلتيك", "اتليتيك", "سبورتنغ", "بوروسيا",
                                       "اولمبيك", "ديبورتيفو"};
  return last ? word_of(t, i, azTail, sizeof(azTail) / sizeof(azTail[0]))
              : word_of(t, i, azHead, sizeof(azHead) / sizeof(azHead[0]));
}

/* Is token i a word for a device or its software (هاتف, أجهزة, نظام التشغيل),
** after which a lone unknown word is a product and no person (هواتف أندرويد)? */
static int is_device(const ArNerText *t, int i) {
  static const char *const azDevice[] = {"هاتف", "هواتف", "جهاز", "اجهزه", "تطبيق", "تطبيقات", "نظام",
                                         "نظامي", "تشغيل", "التشغيل", "مستخدمي", "منصه"}; /* folded */
  /* نظام #أندرويد, بنظام تشغيل "أندرويد": across a hash or a quote */
  if (i >= 1 && (is_mark(t, i, '#') || is_quote(t, i))) i--;
  return word_of(t, i, azDevice, sizeof(azDevice) / sizeof(azDevice[0]));
}

/* Is token i glued to a mark before it (وهبي of #هيفاء_وهبي): a word that
** takes no conjunction there? */
static int after_joining_mark(const ArNerText *t, int i) {
  return i > 0 && !t->aTok[i - 1].isWord && t->aTok[i - 1].iByte + t->aTok[i - 1].nByte == t->aTok[i].iByte;
}

/* Is token i و (or ف) and a given name (وفوزي, وليلى), not a name as it
** stands (وليد)? */
static int given_after_conj(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  if (after_joining_mark(t, i)) return 0;
  return tok->nConj && !(tok->gazWhole & (AR_GZ_PERSON | AR_GZ_FIRST_NAME)) &&
         (((tok->nProc == tok->nConj) && (tok->gazBare & AR_GZ_FIRST_NAME)) ||
          word_listed(t, i, tok->nConj, AR_GZ_FIRST_NAME));
}

/* Can token f, after a given name, be its family name: a word the tagger
** reads as a person's by itself, or a listed name's word it left out? */
static int family_name_after(const ArNerText *t, const Mark *aMark, int f) {
  return f < t->nTok && !t->aTok[f].nProc && !line_break_before(t, f) && !never_name(t, f) &&
         ((aMark[f].type == AR_ENT_PERSON && aMark[f].match < 0 && aMark[f].begin) ||
          (!aMark[f].type && (t->aTok[f].gaz & (AR_GZ_PERSON | AR_GZ_FIRST_NAME))));
}

/* Does a person of two words or more of the text begin or end with the word
** of token i (محرم إنجة for محرم)? */
static int word_of_a_person(const ArNerText *t, const Mark *aMark, int i) {
  uint64_t h = key_without(t, i, t->aTok[i].nProc, 0);
  int s, e;
  for (s = 0; s < t->nTok; s = e) {
    e = s + 1;
    if (aMark[s].type != AR_ENT_PERSON || !aMark[s].begin) continue;
    e = span_end(t, aMark, s);
    if (e - s >= 2 && (key_without(t, s, t->aTok[s].nProc, 0) == h || key_without(t, e - 1, t->aTok[e - 1].nProc, 0) == h))
      return 1;
  }
  return 0;
}

/* A plan, a product, a game, a substance, a currency news writes like a
** name (بريكست, أندرويد, لينكس, الرجبي, نوفيتشوك, اليورو) is neither a
** person, a place nor a body, nor is a conjunction; an English title is no
** person. */
static void thing_names(const ArNerText *t, Mark *aMark) {
  static const char *const az[] = {"بريكست", "البريكست", "نوفيتشوك", "اليورو", "يورو", "بيتكوين", "البيتكوين",
                                   "اندرويد", "الاندرويد", "لينكس", "يونيكس", "ويندوز", "الرجبي", "الرغبي",
                                   "الكريكيت", "الكريكت"};
  /* as written: folded, لئن "although" is the name لين */
  static const char *const azConj[] = {"لئن", "ولئن", "فلئن"};
  /* months of the Hijri year that are given names too (folded): alone, the month */
  static const char *const azHijri[] = {"محرم", "صفر", "رجب", "شعبان", "رمضان", "شوال"};
  int s;
  for (s = 0; s < t->nTok; s++) {
    if (aMark[s].type && aMark[s].type != AR_ENT_DATE && aMark[s].begin && aMark[s].match < 0 &&
        span_end(t, aMark, s) == s + 1 &&
        (word_or_whole_of(t, s, az, sizeof(az) / sizeof(az[0])) ||
         written_as(t, s, azConj, sizeof(azConj) / sizeof(azConj[0]))))
      clear_marks(t, aMark, s, s + 1);
    /* الله alone (إن شاء الله, آية الله) is no person; a Hijri month alone neither, when no
    ** person of the text has it for a name */
    else if (aMark[s].type == AR_ENT_PERSON && aMark[s].begin && aMark[s].match < 0 && span_end(t, aMark, s) == s + 1 &&
             (is_word(t, s, "الله") ||
              (word_of(t, s, azHijri, sizeof(azHijri) / sizeof(azHijri[0])) && !word_of_a_person(t, aMark, s))))
      clear_marks(t, aMark, s, s + 1);
    /* an English title (ذا فويس "The Voice", ذا بوس) names a show or a work, no person */
    else if (aMark[s].type == AR_ENT_PERSON && aMark[s].begin && aMark[s].match < 0 &&
             ((is_fold(t, s, "ذا") && span_end(t, aMark, s) > s + 1) || (s > 0 && is_fold(t, s - 1, "ذا"))))
      clear_marks(t, aMark, s, span_end(t, aMark, s));
  }
}

/* Is token i a title in the dual or the plural (نائبين, وزيران, مستشارون:
** سميرة الشواشي نائبين لرئيس الحزب), which no name ends with? */
static int title_in_number(const ArNerText *t, int i) {
  static const char *const azEnd[] = {"ين", "ان", "ون"};
  const char *z = bare_of(t, i);
  size_t n = strlen(z), k, m;
  if (!t->aTok[i].isWord || t->aTok[i].nAl) return 0;
  for (k = 0; k < sizeof(azEnd) / sizeof(azEnd[0]); k++) {
    m = strlen(azEnd[k]);
    if (n > m + 4 && strcmp(z + n - m, azEnd[k]) == 0) return listed(z, (int)(n - m), AR_GZ_TITLE);
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
    /* a function word inside a person's name ends it (بريكست فإن هانت), and و starts the next
    ** person of a list (عبد العزيز القطي وفوزي معاوية): the rest is a span of its own */
    if (type == AR_ENT_PERSON && aMark[s].match < 0) {
      for (k = s + 1; k < e; k++) {
        if (k + 1 < e && (t->aTok[k].gaz & AR_GZ_FUNCTION) && !continues_name(t, k) && !name_particle(t, k)) {
          aMark[k].type = 0, aMark[k].match = -1;
          aMark[k + 1].begin = 1;
          e = k;
          break;
        }
        if (given_after_conj(t, k)) {
          int f = span_end(t, aMark, s);
          aMark[k].begin = 1;
          /* ... with its family name, which the tagger may have left out (وفوزي معاوية) */
          if (f == k + 1 && family_name_after(t, aMark, f)) {
            aMark[f].type = AR_ENT_PERSON;
            aMark[f].begin = 0;
            aMark[f].match = -1;
          }
          e = k;
          break;
        }
        /* ... and so does و before any other word (ستولمان ورفاقه): the next span is judged alone */
        if (t->aTok[k].nConj && t->aCp[t->aTok[k].iCp] == 0x0648 && !after_joining_mark(t, k) &&
            !(t->aTok[k].gazWhole & (AR_GZ_PERSON | AR_GZ_FIRST_NAME))) {
          aMark[k].begin = 1;
          e = k;
          break;
        }
      }
      /* a given name alone, and the tagger's next span of one word: one person (فوزي | معاوية) */
      if (e - s == 1 && (t->aTok[s].gaz & AR_GZ_FIRST_NAME) && family_name_after(t, aMark, e) &&
          aMark[e].type == AR_ENT_PERSON && span_end(t, aMark, e) == e + 1) {
        aMark[e].begin = 0;
        e++;
      }
    }
    a = s, b = e;
    /* a role and its country's adjective before a person (الموفدان الأميركيان ستيف ويتكوف) */
    if (type == AR_ENT_PERSON) {
      for (k = s; k < e && aMark[k].match < 0 && has_article_now(&t->aTok[k]); k++) {
        if (t->aTok[k].gaz & AR_GZ_COUNTRY_ADJ) a = k + 1;
      }
    }
    /* a community, with its adjectives (الأكراد السوريين), is no organization nor person */
    if ((type == AR_ENT_ORG || type == AR_ENT_PERSON) && aMark[s].match < 0 && is_community(t, s)) {
      for (k = s + 1; k < e && (is_nisba(t, k) || (t->aTok[k].gaz & AR_GZ_COUNTRY_ADJ)); k++) {
      }
      if (k == e) {
        clear_marks(t, aMark, s, e);
        continue;
      }
    }
    /* a currency, not a club: 90,000 ريال إيراني, قيمة الريال */
    if (type == AR_ENT_ORG && is_currency(t, s)) {
      clear_marks(t, aMark, s, e);
      continue;
    }
    /* a product, not a person: هواتف أندرويد, نظام التشغيل ويندوز (a known name stays: نظام مبارك) */
    if (type == AR_ENT_PERSON && e - s == 1 && aMark[s].match < 0 && is_device(t, s - 1) &&
        !(t->aTok[s].gaz & (AR_GZ_PERSON | AR_GZ_FIRST_NAME))) {
      clear_marks(t, aMark, s, e);
      continue;
    }
    /* a club, not a person: ليستر سيتي (the tagger may leave سيتي out), سبورتنغ لشبونة */
    if (type == AR_ENT_PERSON && aMark[s].match < 0) {
      if (e < t->nTok && !aMark[e].type && e - s < AR_NAME_MAX_WORDS && club_word(t, e, 1)) e++;
      if (club_word(t, e - 1, 1) || club_word(t, s, 0)) {
        mark_span(t, aMark, s, e, AR_ENT_ORG);
        continue;
      }
      e = span_end(t, aMark, s);
    }
    /* an idiom, not a person: لحسن الحظ "fortunately" */
    if (type == AR_ENT_PERSON && e - s == 2 && is_word(t, s, "حسن") && is_word(t, s + 1, "الحظ")) {
      clear_marks(t, aMark, s, e);
      continue;
    }
    /* a birthplace, not the capital of Oman: مسقط رأسه */
    if (type == AR_ENT_LOCATION && e - s == 1 && is_word(t, s, "مسقط") && s + 1 < t->nTok &&
        strncmp(bare_of(t, s + 1), "راس", strlen("راس")) == 0) {
      clear_marks(t, aMark, s, e);
      continue;
    }
    /* a time zone, not a person: بتوقيت غرينتش */
    if (type == AR_ENT_PERSON && is_word(t, s - 1, "توقيت")) {
      clear_marks(t, aMark, s, e);
      continue;
    }
    /* نيسان the company, where no date is near: شركة نيسان, رينو ونيسان */
    if (type == AR_ENT_ORG && e - s == 1 && (t->aTok[s].gaz & AR_GZ_MONTH) && !month_in_date(t, s)) continue;
    /* أن of أن.بي.سي, آي of آي.إتش.إس: a letter of an abbreviation, not a function word */
    while (a < b && aMark[a].match < 0 && !(a + 1 < b && !t->aTok[a + 1].isWord && joins_words(t, a + 1)) &&
           ((t->aTok[a].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_MONTH | AR_GZ_WEEKDAY)) ||
            ((type == AR_ENT_PERSON || type == AR_ENT_ORG) && (t->aTok[a].gaz & AR_GZ_TITLE) && b - a > 1) ||
            (type == AR_ENT_PERSON && b - a > 1 && !(t->aTok[a].gaz & (AR_GZ_FIRST_NAME | AR_GZ_PERSON)) &&
             common_word(model, t, a))))
      a++;
    /* ... and a common noun after a given name (غادر كمال القاعة) */
    while (b > a && aMark[b - 1].match < 0 && !(b - 2 >= a && continues_name(t, b - 2)) &&
           ((t->aTok[b - 1].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH | AR_GZ_MONTH | AR_GZ_WEEKDAY | AR_GZ_TITLE)) ||
            (type == AR_ENT_PERSON && b - a == 2 && (t->aTok[a].gaz & AR_GZ_FIRST_NAME) &&
             !(t->aTok[b - 1].gaz & (AR_GZ_FIRST_NAME | AR_GZ_PERSON)) && common_noun(t, b - 1)) ||
            /* ... or a phrase of ل + ال (سامي للهلال), or a title in the dual (نائبين) */
            (type == AR_ENT_PERSON && b - a >= 2 && (t->aTok[b - 1].restoreAl || title_in_number(t, b - 1))) ||
            /* ... a place and its country's adjective (تاورمينا الإيطالية): the place */
            (type == AR_ENT_LOCATION && b - a == 2 && !has_article_now(&t->aTok[a]) &&
             !(t->aTok[a].gaz & AR_GZ_LOC_TRIGGER) && (t->aTok[b - 1].gaz & AR_GZ_COUNTRY_ADJ) &&
             t->aTok[b - 1].nAl && !t->aTok[b - 1].nProc)))
      b--;
    /* what is left neither starts nor ends with a mark */
    while (a < b && !t->aTok[a].isWord) a++;
    while (b > a && !t->aTok[b - 1].isWord) b--;
    for (k = s; k < e; k++) {
      if (k < a || k >= b) aMark[k].type = 0, aMark[k].match = -1;
    }
    if (a < b) aMark[a].begin = 1;
    /* آل, بن at the end: the name goes on with the next word (تركي آل الشيخ) */
    if (type == AR_ENT_PERSON && b > a && b == e && continues_name(t, b - 1) && b < t->nTok && t->aTok[b].isWord &&
        !aMark[b].type && !line_break_before(t, b) && !(t->aTok[b].gaz & (AR_GZ_FUNCTION | AR_GZ_SPEECH))) {
      aMark[b].type = AR_ENT_PERSON;
      aMark[b].begin = 0;
      aMark[b].match = -1;
      e = b + 1;
    }
    if (e < t->nTok && aMark[e].type) aMark[e].begin = 1;
  }
}

/* Is token i a verb of saying (قال, وأضاف, يقول), which a person does, not a
** team (وصل, تابع)? Folded spellings, of the verbs of speech of the lists. */
static int saying_verb(const ArNerText *t, int i) {
  static const char *const az[] = {"قال", "قالت", "يقول", "تقول", "اضاف", "اضافت", "اكد", "اكدت", "اوضح",
                                   "اوضحت", "صرح", "صرحت", "اشار", "اشارت", "ذكر", "ذكرت"};
  return word_of(t, i, az, sizeof(az) / sizeof(az[0]));
}

/* The subject of a verb of saying that is a family name by its form: a
** nisba with the article (يقول الرازي, وأضاف الطرابلسي), not a country's or
** a town's adjective, not a word news uses as a common one (قال الاقتصادي)
** or writes without ال too (قيادي), not a role before a name or an adjective
** (قال الإعلامي سمير الوافي, قال المدعي العام). */
static void speakers(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  /* roles of that form the lists of titles leave out (the tagger learned with those lists) */
  static const char *const azRole[] = {"المدعي", "المجني", "القيادي", "الاكاديمي", "المغني"};
  int i, j;
  for (i = 0; i + 1 < t->nTok; i++) {
    const ArNerToken *tok;
    j = i + 1;
    tok = &t->aTok[j];
    /* the cheap tests first: this runs at every word */
    if (aMark[j].type || tok->shape != AR_SHAPE_ARABIC || !tok->nAl || tok->nProc || tok->nCp < 6 ||
        memcmp(t->z + tok->iByte + tok->nByte - 2, "\xd9\x8a", 2) != 0 || !(t->aTok[i].gaz & AR_GZ_SPEECH) ||
        !saying_verb(t, i) || never_name(t, j) ||
        (tok->gaz & (AR_GZ_PLACE_NISBA | AR_GZ_COUNTRY_ADJ | AR_GZ_ORG | AR_GZ_LOCATION)) || line_break_before(t, j) ||
        word_of(t, j, azRole, sizeof(azRole) / sizeof(azRole[0])) || common_word(model, t, j) ||
        lex_count(t, j, tok->nAl) >= 20)
      continue;
    if (j + 1 < t->nTok && (aMark[j + 1].type == AR_ENT_PERSON || (t->aTok[j + 1].gaz & AR_GZ_FIRST_NAME) ||
                            (!aMark[j + 1].type && t->aTok[j + 1].nAl)))
      continue;
    mark_span(t, aMark, j, j + 1, AR_ENT_PERSON);
  }
}

/* Is the word written with the tanween of the accusative (مخيماً)? */
static int has_fathatan(const ArNerText *t, int i) {
  const char *z = t->z + t->aTok[i].iByte;
  int k;
  for (k = 0; k + 1 < t->aTok[i].nByte; k++) {
    if ((unsigned char)z[k] == 0xD9 && (unsigned char)z[k + 1] == 0x8B) return 1;
  }
  return 0;
}

/* Does the folded word end with the letters z? */
static int ends_in(const ArNerText *t, int i, const char *z) {
  const char *w = fold_of(t, i);
  size_t n = strlen(w), k = strlen(z);
  return n > k && memcmp(w + n - k, z, k) == 0;
}

/* Is token j a word that may be a name the tagger left out: an Arabic word
** alone (no proclitic, no article), untagged, and neither a listed word nor
** one the tagger or the lexicon's class reads as common? */
static int bare_unknown_name(const ArNerModel *model, const ArNerText *t, const Mark *aMark, int j) {
  const ArNerToken *tok = &t->aTok[j];
  if (j >= t->nTok) return 0;
  /* a verb of the present (يبرئ, تتقدمهم) or a plural (قيادات), unless a listed given name */
  if (!(tok->gaz & AR_GZ_FIRST_NAME) && tok->nCp > 0 &&
      (t->aCp[tok->iCp] == 0x064A || t->aCp[tok->iCp] == 0x062A || ends_in(t, j, "ات")))
    return 0;
  return !aMark[j].type && tok->shape == AR_SHAPE_ARABIC && !tok->nProc && !tok->nAl &&
         !tok->restoreAl && tok->nCp >= 3 && !never_name(t, j) && !line_break_before(t, j) &&
         !(tok->gaz & (AR_GZ_ORG | AR_GZ_LOCATION | AR_GZ_ORG_TRIGGER | AR_GZ_NUMBER)) && !common_word(model, t, j) &&
         !class_reads_common(model, t, j, AR_ENT_PERSON);
}

/* The person after a role and its country's adjective (وزير التربية
** والتعليم الفلسطيني صبري صيدم, وزير الأمن الإسرائيلي، جلعاد أردان): a title,
** at most four words of its portfolio, the adjective, a comma maybe, then
** one or two words that read as names. */
static void persons_after_roles(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  int i, a, j, e;
  for (i = 0; i + 2 < t->nTok; i++) {
    if (!(t->aTok[i].gaz & AR_GZ_TITLE)) continue;
    for (a = i + 1; a < t->nTok && a <= i + 5 && t->aTok[a].isWord && !(t->aTok[a].gaz & AR_GZ_COUNTRY_ADJ); a++) {
    }
    /* one person: the adjective in the singular (not الوزراء المصريين) */
    if (a >= t->nTok || a > i + 5 || !(t->aTok[a].gaz & AR_GZ_COUNTRY_ADJ) || !t->aTok[a].nAl ||
        ends_in(t, a, "ين") || ends_in(t, a, "ون") || ends_in(t, a, "ان"))
      continue;
    j = a + 1;
    if (is_mark(t, j, ',') || is_mark(t, j, 0x060C)) j++;
    /* a given name the tagger read alone (صبري) goes on with the family name it left out */
    if (!bare_unknown_name(model, t, aMark, j) &&
        !(j < t->nTok && aMark[j].type == AR_ENT_PERSON && aMark[j].begin && span_end(t, aMark, j) == j + 1 &&
          (t->aTok[j].gaz & AR_GZ_FIRST_NAME)))
      continue;
    e = j + 1;
    /* a family name, with its article maybe (همدان العليي), not an accusative (مخيماً) */
    if (e < t->nTok && !aMark[e].type && t->aTok[e].shape == AR_SHAPE_ARABIC && !t->aTok[e].nProc &&
        !never_name(t, e) && !line_break_before(t, e) && !common_word(model, t, e) && !has_fathatan(t, e) &&
        !(t->aTok[e].gaz & (AR_GZ_COUNTRY_ADJ | AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER)))
      e++;
    mark_span(t, aMark, j, e, AR_ENT_PERSON);
    i = e - 1;
  }
}

/* A name of two words between two persons of a list joined by و is a person
** too (ياسين إبراهيم ونعمان الفهري وخالد شوكات): neither word tagged,
** common, nor a word of lists of bodies, places, titles or functions. */
static void persons_between_persons(const ArNerModel *model, const ArNerText *t, Mark *aMark) {
  int i, k;
  for (i = 1; i + 2 < t->nTok; i++) {
    int clean = 1;
    if (aMark[i].type || aMark[i + 1].type || aMark[i - 1].type != AR_ENT_PERSON || !t->aTok[i].nConj ||
        t->aTok[i].nProc != t->aTok[i].nConj || t->aTok[i + 1].nProc || aMark[i + 2].type != AR_ENT_PERSON ||
        !aMark[i + 2].begin || !t->aTok[i + 2].nConj || line_break_before(t, i) || line_break_before(t, i + 2))
      continue;
    for (k = i; k < i + 2; k++)
      clean &= t->aTok[k].isWord && t->aTok[k].shape == AR_SHAPE_ARABIC && !never_name(t, k) &&
               !common_word(model, t, k) &&
               !(t->aTok[k].gaz & (AR_GZ_ORG | AR_GZ_LOCATION | AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER));
    if (clean) mark_span(t, aMark, i, i + 2, AR_ENT_PERSON);
  }
}

/* A member named after his body (القيادي في حركة النهضة العجمي الوريمي,
** رئيس حزب آفاق تونس ياسين إبراهيم): the words the tagger read as more of
** the body, right after it, are a person when a role opens the phrase or a
** given name opens them, and none of them is a word of bodies, places or
** countries. */
static void members_after_bodies(const ArNerText *t, Mark *aMark) {
  /* roles in a body that the titles do not hold (folded) */
  static const char *const azRole[] = {"القيادي", "القياديه", "عضو", "عضوه", "الناشط", "الناشطه", "المناضل",
                                       "النائب", "النائبه", "المسؤول", "المسؤوله", "الامين"};
  const size_t nRole = sizeof(azRole) / sizeof(azRole[0]);
  int s, e, f, k;
  for (s = 0; s < t->nTok; s = e) {
    int role = 0, clean = 1;
    e = s + 1;
    if (aMark[s].type != AR_ENT_ORG || !aMark[s].begin) continue;
    e = span_end(t, aMark, s);
    if (e >= t->nTok || aMark[e].type != AR_ENT_ORG || !aMark[e].begin || aMark[e].match >= 0 ||
        t->aTok[e].nProc || line_break_before(t, e))
      continue;
    f = span_end(t, aMark, e);
    if (f - e < 2 || f - e > 3) continue;
    for (k = e; k < f; k++)
      clean &= t->aTok[k].isWord && !t->aTok[k].nProc &&
               !(t->aTok[k].gaz & (AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER | AR_GZ_COUNTRY_ADJ | AR_GZ_ORG |
                                   AR_GZ_LOCATION | AR_GZ_FUNCTION | AR_GZ_TITLE));
    for (k = s - 1; k >= 0 && k >= s - 2; k--) role |= (t->aTok[k].gaz & AR_GZ_TITLE) || word_of(t, k, azRole, nRole);
    if (!clean || !(role || (t->aTok[e].gaz & AR_GZ_FIRST_NAME))) continue;
    mark_span(t, aMark, e, f, AR_ENT_PERSON);
    e = f;
  }
}

/* A word of a listed organization's name that is a common word too, and
** alone (no ال), is that organization when it is coordinated with a one-word
** organization of the gazetteer (فتح وحماس, حماس وفتح). */
static void coordinated_organizations(const ArNerText *t, Mark *aMark) {
  int i;
  for (i = 0; i < t->nTok; i++) {
    const ArNerToken *tok = &t->aTok[i];
    int before, after;
    if (aMark[i].type || !tok->isWord || tok->shape != AR_SHAPE_ARABIC || !(tok->gaz & AR_GZ_ORG) ||
        (tok->gaz & (AR_GZ_ORG_TRIGGER | AR_GZ_FUNCTION | AR_GZ_TITLE | AR_GZ_LOC_TRIGGER)) || tok->nProc > tok->nConj ||
        tok->nAl)
      continue;
    after = i + 1 < t->nTok && t->aTok[i + 1].nConj && t->aTok[i + 1].nProc == t->aTok[i + 1].nConj &&
            aMark[i + 1].type == AR_ENT_ORG && aMark[i + 1].match >= 0 && span_end(t, aMark, i + 1) == i + 2 &&
            !tok->nProc;
    /* ... not the head of a name that follows (طالبان وتنظيم داعش) */
    before = i > 0 && tok->nConj && aMark[i - 1].type == AR_ENT_ORG && aMark[i - 1].match >= 0 && aMark[i - 1].begin &&
             !(i + 1 < t->nTok && aMark[i + 1].type);
    if (after || before) mark_span(t, aMark, i, i + 1, AR_ENT_ORG);
  }
}

/* A government named for its head is that person (حكومة الصيد, حكومة
** الشاهد): a listed surname after حكومة, though a common word too ("the
** fishing", "the witness"), is the person's; the government itself is
** no organization of its own. */
static void governments_of_persons(const ArNerText *t, Mark *aMark) {
  int i, j;
  for (i = 0; i + 1 < t->nTok; i++) {
    j = i + 1;
    if (!(t->aTok[j].gaz & AR_GZ_PERSON) || (t->aTok[j].gaz & AR_GZ_FIRST_NAME) || t->aTok[j].nProc ||
        !is_word(t, i, "حكومه") || line_break_before(t, j) ||
        (aMark[j].type == AR_ENT_PERSON && aMark[j].begin))
      continue;
    if (aMark[j].type && span_end(t, aMark, aMark[j].begin ? j : i) > j + 1) continue;
    if (aMark[i].type) clear_span(t, aMark, i, span_end(t, aMark, i));
    mark_span(t, aMark, j, j + 1, AR_ENT_PERSON);
  }
}

/* A person's name goes on across a dash with no space, into a short word
** the tagger or the guards left out (مون جاي-إن, كيم جونغ-أون). */
static void dashed_tails(const ArNerText *t, Mark *aMark) {
  int e;
  for (e = 1; e + 1 < t->nTok; e++) {
    const ArNerToken *tok = &t->aTok[e + 1];
    if (aMark[e - 1].type != AR_ENT_PERSON || aMark[e].type || aMark[e + 1].type || !tight_mark(t, e, '-')) continue;
    if (tok->shape != AR_SHAPE_ARABIC || tok->nCp > 3 || tok->nAl || tok->restoreAl) continue;
    aMark[e].type = aMark[e + 1].type = AR_ENT_PERSON;
    aMark[e].begin = aMark[e + 1].begin = 0;
    aMark[e].match = aMark[e + 1].match = -1;
    if (e + 2 < t->nTok && aMark[e + 2].type) aMark[e + 2].begin = 1;
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
    /* a listed given name is a word of many people's names, no evidence by itself */
    if (aMark[i].match >= 0 || ((tok->gaz & AR_GZ_PERSON) && !(tok->gaz & AR_GZ_FIRST_NAME))) continue;
    /* a word just before a person's name or a country's adjective is a role (الموفدان ستيف
    ** ويتكوف, الموفدان الأميركيان) */
    if (i + 1 < t->nTok && !(tok->gaz & AR_GZ_FIRST_NAME) &&
        (aMark[i + 1].type == AR_ENT_PERSON || (t->aTok[i + 1].gaz & AR_GZ_COUNTRY_ADJ))) {
      aMark[i].type = 0;
      continue;
    }
    if ((i > 0 && (t->aTok[i - 1].gaz & near)) || (i > 1 && (t->aTok[i - 2].gaz & AR_GZ_TITLE) && !t->aTok[i - 1].isWord))
      continue;
    if (i > 1 && (t->aTok[i - 2].gaz & AR_GZ_TITLE) && has_article_now(&t->aTok[i - 1])) continue;
    pv = (int *)ar_hashmap_find(&count, key_without(t, i, tok->nProc, 1));
    /* a listed given name alone is no second mention of the one person who has it (بلوغ كمال
    ** الأداء after كمال بن عيسى), as one reading per name does not link it */
    if (pv && (tok->gaz & AR_GZ_FIRST_NAME)) pv = 0;
    if (pv && *pv >= 3) continue;
    /* a word news uses as a common one (كابوس, سعيد "happy", بدأنا) */
    if (common_word(model, t, i)) {
      aMark[i].type = 0;
      if (i + 1 < t->nTok && aMark[i + 1].type) aMark[i + 1].begin = 1;
      continue;
    }
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
  int k;
  for (k = 0; k <= t->aTok[i].nProc; k++) {
    if (word_listed(t, i, k, AR_GZ_MONTH | AR_GZ_WEEKDAY) || pair_listed(t, i, k, AR_GZ_MONTH)) return k;
  }
  return t->aTok[i].nProc;
}

/* Is لل at the start of token i the ل "for" before a name that starts
** with ل (لليفربول is ل + ليفربول), not ل + ال (لليمن), as the lexicon
** counts the two readings? */
static int lam_before_lam(const ArNerText *t, int i) {
  const ArNerToken *tok = &t->aTok[i];
  char buf[4 * AR_MAX_WORD_CHARS + 8];
  const char *zRest;
  size_t n;
  uint32_t v;
  long nLam, nAl;
  if (!tok->restoreAl) return 0;
  zRest = skip_of(t, i, tok->nProc);
  n = strlen(zRest);
  if (n + 5 > sizeof(buf)) return 0;
  memcpy(buf, "ال", 4);
  memcpy(buf + 4, zRest, n + 1);
  v = ar_lexicon_find(&ar_lexicon_data, buf, (int)(n + 4));
  nAl = v ? AR_LEXICON_COUNT(v) : 0;
  nLam = lex_count(t, i, tok->nProc - 1);
  return nLam >= 5 && nLam > 3 * nAl + 2;
}

/* Is token i, as it stands, of a class of names in the lexicon, and the word
** without its proclitics of a class of common words: كيلي, بيلي, ويلي are
** names, not ك, ب, و before يلي "follows" (a class of the lexicon the
** model keeps no weights for is one of common words)? */
static int name_over_word(const ArNerModel *model, const ArNerText *t, int i) {
  const int16_t *wWhole, *wBare;
  const char *z = bare_of(t, i);
  if (!t->aTok[i].lexWhole) return 0;
  wWhole = ar_ner_weights(model, ar_ner_lexicon_class_feature(t->aTok[i].lexWhole));
  wBare = ar_ner_weights(model, ar_ner_lexicon_class_feature(ar_lexicon_find(&ar_lexicon_data, z, (int)strlen(z))));
  return wWhole && wWhole[AR_LABEL_B(AR_ENT_PERSON)] > wWhole[AR_LABEL_O] &&
         (!wBare || wBare[AR_LABEL_O] > wBare[AR_LABEL_B(AR_ENT_PERSON)]);
}

/* Is z (n bytes) one of the words of the match's canonical (ويتكوف of ستيف ويتكوف)? */
static int canonical_has_word(const ArNerMatch *m, const char *z, int n) {
  int k;
  for (k = 0; m->zCanon && k + n <= m->nCanon; k++) {
    if ((k == 0 || m->zCanon[k - 1] == ' ') && (k + n == m->nCanon || m->zCanon[k + n] == ' ') &&
        memcmp(m->zCanon + k, z, (size_t)n) == 0)
      return 1;
  }
  return 0;
}

/* How many letters of its first token an entity leaves out: the
** proclitics, only when the word without them is the known one: بوتين and
** ويتكوف are names as they stand, لترامب and وزيلينسكي are not. */
static int strip_first(const ArNerModel *model, const ArNerText *t, const Mark *aMark, int i, const ArHashMap *words) {
  const ArNerToken *tok = &t->aTok[i];
  const unsigned names = AR_GZ_PERSON | AR_GZ_LOCATION | AR_GZ_ORG;
  if (aMark[i].match >= 0 && t->aMatch[aMark[i].match].iTok == i) {
    /* وويتكوف: a name key drops و, so the whole word matched; the text, news or the
    ** gazetteer's name writes ويتكوف */
    if (t->aMatch[aMark[i].match].stripFirst == 0 && tok->nConj == 1 && t->aCp[tok->iCp] == 0x0648 &&
        t->aCp[tok->iCp + 1] == 0x0648 &&
        (ar_hashmap_find(words, hash_str(bare_of(t, i))) || lex_count(t, i, 1) > 3 * lex_count(t, i, 0) + 2 ||
         canonical_has_word(&t->aMatch[aMark[i].match], t->z + tok->iByte + 2, tok->nByte - 2)))
      return 1;
    return t->aMatch[aMark[i].match].stripFirst; /* ببن قردان: one letter the parse leaves */
  }
  if (tok->nProc == 0) return 0;
  if (aMark[i].type == AR_ENT_DATE) return date_skip(t, i);
  if (lam_before_lam(t, i)) return tok->nProc - 1;
  /* فدوى is not ف + دوى; but a person's وليلى is و + ليلى, though وليلي is a place */
  if ((tok->gazWhole & (names | AR_GZ_FIRST_NAME)) &&
      !(aMark[i].type == AR_ENT_PERSON && !(tok->gazWhole & (AR_GZ_PERSON | AR_GZ_FIRST_NAME)) &&
        (tok->gazBare & (AR_GZ_PERSON | AR_GZ_FIRST_NAME))))
    return 0;
  /* لجوهرة أف أم: ل or ب before a medium's name ending in أف أم, برس */
  if (aMark[i].type == AR_ENT_ORG && tok->nProc > tok->nConj && !tok->restoreAl) {
    int e = span_end(t, aMark, i), c = t->aCp[tok->iCp + tok->nConj];
    if ((c == 0x0644 || c == 0x0628) && e - i >= 2 &&
        ((t->aTok[e - 1].gazWhole & AR_GZ_MEDIA_NAME) || pair_listed(t, e - 2, 0, AR_GZ_MEDIA_NAME)))
      return tok->nProc;
  }
  if (tok->gazBare & names) return tok->nProc;
  /* والاس (Wallace), كالياري (Cagliari), which news writes far more than الاس, الياري: a
  ** person's or a club's name as it stands */
  if ((aMark[i].type == AR_ENT_PERSON || aMark[i].type == AR_ENT_ORG) && tok->nAl && !tok->restoreAl &&
      lex_count(t, i, 0) > 3 * lex_count(t, i, tok->nProc) + 2)
    return 0;
  if (tok->nAl || tok->restoreAl) return tok->nProc;
  /* وفهد, بمعهد: the bare word is a given name or a trigger */
  if ((tok->gazBare & ~tok->gazWhole) & (AR_GZ_FIRST_NAME | AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER | AR_GZ_TITLE))
    return tok->nProc;
  /* وليلى: و + ليلى, not و + ل + يلى; ومحرزية العبيدي: a name news never writes with و */
  if (aMark[i].type == AR_ENT_PERSON && given_after_conj(t, i)) return tok->nConj;
  if (aMark[i].type == AR_ENT_PERSON && tok->nConj && span_end(t, aMark, i) - i >= 2 && lex_count(t, i, 0) == 0 &&
      !(tok->gazWhole & (AR_GZ_PERSON | AR_GZ_FIRST_NAME)) && tok->nCp - tok->nConj >= 3)
    return tok->nConj;
  /* بترامب when ترامب is written alone elsewhere in the text; وكيليان when the text writes
  ** كيليان (its ك is no preposition) */
  if (ar_hashmap_find(words, hash_str(bare_of(t, i)))) return tok->nProc;
  if (tok->nConj && tok->nProc > tok->nConj && ar_hashmap_find(words, hash_str(skip_of(t, i, tok->nConj))))
    return tok->nConj;
  /* The reading news writes most often: ويتكوف as it stands, وبيلوسي
  ** without its و (the lexicon's counts); a place after ب "in" unless news
  ** writes the whole word more (بتاجروين, not بورصة). */
  {
    long nWhole = lex_count(t, i, 0), nConj = tok->nConj ? lex_count(t, i, tok->nConj) : 0;
    long nBare = lex_count(t, i, tok->nProc);
    if (nBare > 3 * nWhole + 2 && nBare >= nConj && !name_over_word(model, t, i)) return tok->nProc;
    if (aMark[i].type == AR_ENT_LOCATION && tok->nProc > tok->nConj && t->aCp[tok->iCp + tok->nConj] == 0x0628 &&
        tok->nCp - tok->nProc >= 4 && nBare >= nWhole)
      return tok->nProc;
    if (nConj > 3 * nWhole + 2 && !name_over_word(model, t, i)) return tok->nConj;
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

/* Does the name r begin with the words of the name e (البنك المركزي, البنك المركزي التونسي)? */
static int begins_with(const ArNerText *t, const ArEntity *r, const ArEntity *e) {
  int k;
  if (e->nTok > r->nTok) return 0;
  for (k = 0; k < e->nTok; k++) {
    int a = r->iTok + k, b = e->iTok + k;
    if (!t->aTok[a].isWord || !t->aTok[b].isWord) return 0;
    if (key_without(t, a, k == 0 ? r->nCanon : 0, 0) != key_without(t, b, k == 0 ? e->nCanon : 0, 0)) return 0;
  }
  return 1;
}

/* Is the one-word name e, its article aside, the first or the last word of
** the name r (الريال, ريال مدريد; يونايتد, مانشستر يونايتد)? */
static int one_word_of(const ArNerText *t, const ArEntity *r, const ArEntity *e) {
  int last = r->iTok + r->nTok - 1;
  uint64_t h;
  if (!t->aTok[e->iTok].isWord) return 0;
  h = key_without(t, e->iTok, e->nCanon, 1);
  return h == key_without(t, r->iTok, r->nCanon, 1) || (t->aTok[last].isWord && h == key_without(t, last, 0, 1));
}

/* The code points of entity e's first word, less the proclitic letters the
** entity leaves out (ال restored after لل): AR_MAX_WORD_CHARS + 2 at most. */
static int first_form(const ArNerText *t, const ArEntity *e, uint32_t *form) {
  const ArNerToken *tok = &t->aTok[e->iTok];
  int n = 0, k, skip = e->nCanon;
  if (tok->restoreAl && skip == tok->nProc) form[n++] = 0x0627, form[n++] = 0x0644;
  for (k = skip; k < tok->nCp && n < AR_MAX_WORD_CHARS + 2; k++) form[n++] = t->aCp[tok->iCp + k];
  return n;
}

/* Does token i make one word with the next of a name [.., end), as news
** writes it too (عبد الله and عبدالله, نور الدين and نورالدين)? */
static int joins_next(const ArNerText *t, int i, int end) {
  return i + 1 < end && !t->aTok[i + 1].nProc &&
         (is_word(t, i, "عبد") || is_fold(t, i + 1, "الدين") || is_fold(t, i + 1, "الله"));
}

/* The hash of the key of tokens i and i + 1 written as one word; the first
** letters of token i skipped as entity e's first token skips them. */
static uint64_t joined_hash(const ArNerText *t, const ArEntity *e, int i, uint64_t h) {
  const ArNerToken *a = &t->aTok[i], *b = &t->aTok[i + 1];
  uint32_t form[2 * AR_MAX_WORD_CHARS + 4], key[2 * AR_MAX_WORD_CHARS + 4];
  unsigned char zb[4];
  int n = 0, k, nKey;
  if (i == e->iTok) n = first_form(t, e, form);
  else
    for (k = 0; k < a->nCp && n < AR_MAX_WORD_CHARS; k++) form[n++] = t->aCp[a->iCp + k];
  for (k = 0; k < b->nCp && n < 2 * AR_MAX_WORD_CHARS + 2; k++) form[n++] = t->aCp[b->iCp + k];
  nKey = ar_name_key(form, n, key);
  for (k = 0; k < nKey; k++) h = ar_hash_bytes(h, zb, ar_utf8_encode(key[k], zb));
  return h;
}

/* Hash of the name keys of an entity's words, a compound given name as one
** word; with last, only the last one. */
static uint64_t entity_hash(const ArNerText *t, const ArEntity *e, int type, int last, const uint32_t *aFirstKey,
                            int nFirstKey) {
  uint64_t h = ar_hash_bytes(AR_HASH_INIT, &type, sizeof(type));
  int i, from = last ? e->iTok + e->nTok - 1 : e->iTok;
  for (i = from; i < e->iTok + e->nTok; i++) {
    if (i > from) h = ar_hash_bytes(h, " ", 1);
    if (!last && joins_next(t, i, e->iTok + e->nTok)) {
      h = joined_hash(t, e, i++, h);
    } else if (i == e->iTok) {
      unsigned char zb[4];
      int k;
      for (k = 0; k < nFirstKey; k++) h = ar_hash_bytes(h, zb, ar_utf8_encode(aFirstKey[k], zb));
    } else {
      h = ar_hash_bytes(h, t->zFold + t->aTok[i].iKey, t->aTok[i].nKey);
    }
  }
  return h;
}

void ar_entity_hashtag_spaces(char *z, int n) {
  char *end = z + n;
  while ((z = memchr(z, '_', (size_t)(end - z))) != NULL) *z++ = ' ';
}

static int pool_add(ArEntityList *p, const char *z, int n) {
  int rc = ar_grow((void **)&p->zPool, &p->nPoolAlloc, p->nPool + n + 1, 1);
  if (rc != AR_OK) return rc;
  memcpy(p->zPool + p->nPool, z, (size_t)n);
  p->nPool += n;
  return AR_OK;
}

/* The name key of an entity's first word as the entity writes it (without
** the proclitics it leaves out, with the ال of لل restored). */
static int first_key(const ArNerText *t, const ArEntity *e, uint32_t *key) {
  uint32_t form[AR_MAX_WORD_CHARS + 2];
  return ar_name_key(form, first_form(t, e, form), key);
}

/* Between a person and an organization of one text that share a word:
** an organization the tagger read whose last word the text names alone as a
** person twice as often as it names the organization, opened by a given
** name or by a word the text never names alone, is that person (رحيم
** ستيرلينغ ... ستيرلينغ ... ستيرلينغ); a one-word person that begins or ends an organization of the
** text (ليستر, ليستر سيتي), and no person of it, is that organization. One
** named after a person by a word of its kind (حركة غولن) leaves him a person. */
static int person_or_organization(const ArNerText *t, const Mark *aMark, ArEntityList *p) {
  ArHashMap loners, names, persons, orgs; /* one-word persons and names of organizations: their mentions */
  uint32_t key[AR_MAX_WORD_CHARS + 2];
  int i, found, rc = AR_OK, *pv;
  memset(&names, 0, sizeof(names));
  memset(&persons, 0, sizeof(persons));
  memset(&orgs, 0, sizeof(orgs));
  if (ar_hashmap_init(&loners, p->n) != AR_OK || ar_hashmap_init(&names, p->n) != AR_OK ||
      ar_hashmap_init(&persons, p->n) != AR_OK || ar_hashmap_init(&orgs, p->n) != AR_OK) {
    rc = AR_NOMEM;
    goto done;
  }
  for (i = 0; i < p->n; i++) {
    const ArEntity *e = &p->a[i];
    if (e->type == AR_ENT_PERSON && e->nTok == 1) {
      pv = ar_hashmap_slot(&loners, key_without(t, e->iTok, e->nCanon, 1), &found);
    } else if (e->type == AR_ENT_ORG && e->nTok >= 2) {
      pv = ar_hashmap_slot(&names, entity_hash(t, e, 0, 0, key, first_key(t, e, key)), &found);
    } else {
      continue;
    }
    *pv = found ? *pv + 1 : 1;
  }
  for (i = 0; i < p->n; i++) {
    ArEntity *e = &p->a[i];
    int last = e->iTok + e->nTok - 1;
    unsigned gazFirst = t->aTok[e->iTok].gaz;
    const int *pAlone;
    if (e->nTok < 2 || !t->aTok[last].isWord) continue;
    pAlone = ar_hashmap_find(&loners, key_without(t, last, 0, 1));
    if (e->type == AR_ENT_ORG && aMark[e->iTok].match < 0 && pAlone &&
        *pAlone >= 2 * *ar_hashmap_find(&names, entity_hash(t, e, 0, 0, key, first_key(t, e, key))) &&
        ((gazFirst & AR_GZ_FIRST_NAME) ||
         (!(gazFirst & (AR_GZ_ORG | AR_GZ_ORG_TRIGGER | AR_GZ_CLUB)) &&
          !ar_hashmap_find(&loners, key_without(t, e->iTok, e->nCanon, 1)))))
      e->type = AR_ENT_PERSON;
    if (e->type == AR_ENT_PERSON || (e->type == AR_ENT_ORG && !(gazFirst & (AR_GZ_ORG_TRIGGER | AR_GZ_FIRST_NAME)))) {
      ArHashMap *m = e->type == AR_ENT_PERSON ? &persons : &orgs;
      ar_hashmap_slot(m, key_without(t, e->iTok, e->nCanon, 1), &found);
      ar_hashmap_slot(m, key_without(t, last, 0, 1), &found);
    }
  }
  for (i = 0; i < p->n; i++) {
    ArEntity *e = &p->a[i];
    uint64_t h;
    if (e->type != AR_ENT_PERSON || e->nTok != 1 || aMark[e->iTok].match >= 0) continue;
    h = key_without(t, e->iTok, e->nCanon, 1);
    if (ar_hashmap_find(&orgs, h) && !ar_hashmap_find(&persons, h)) e->type = AR_ENT_ORG;
  }
done:
  ar_hashmap_free(&loners);
  ar_hashmap_free(&names);
  ar_hashmap_free(&persons);
  ar_hashmap_free(&orgs);
  return rc;
}

/* One type per name in a text: where the tagger reads القنطار or ليستر
** سيتي as a person here and an organization there, the mentions vote (a
** gazetteer's mention weighs 4) and the others follow the winner; a word
** of the gazetteer alone is left as read (برشلونة the city, the club). A tie
** between a person and an organization of several words goes to the person
** when the name opens with a given name (روي كين), else to the
** organization, whose foreign names read like persons'. Mentions of the
** gazetteer keep their type. */
static int one_type_per_name(const ArNerText *t, const Mark *aMark, ArEntityList *p) {
  ArHashMap votes;
  uint32_t key[AR_MAX_WORD_CHARS + 2];
  int i, pass;
  if (ar_hashmap_init(&votes, p->n) != AR_OK) return AR_NOMEM;
  for (pass = 0; pass < 2; pass++) {
    for (i = 0; i < p->n; i++) {
      ArEntity *e = &p->a[i];
      int found, *pv, c[AR_ENT_ORG + 1], best, ty;
      if (e->type < AR_ENT_PERSON || e->type > AR_ENT_ORG) continue;
      pv = ar_hashmap_slot(&votes, entity_hash(t, e, 0, 0, key, first_key(t, e, key)), &found);
      if (!found) *pv = 0;
      if (pass == 0) { /* 10 bits a type, then one for a gazetteer's mention */
        int shift = 10 * (e->type - AR_ENT_PERSON), n = ((*pv >> shift) & 1023) + (aMark[e->iTok].match >= 0 ? 4 : 1);
        *pv = (*pv & ~(1023 << shift)) | ((n > 1023 ? 1023 : n) << shift) | (aMark[e->iTok].match >= 0) << 30;
        continue;
      }
      if (aMark[e->iTok].match >= 0 || (e->nTok == 1 && (*pv >> 30))) continue;
      for (ty = AR_ENT_PERSON; ty <= AR_ENT_ORG; ty++) c[ty] = (*pv >> (10 * (ty - AR_ENT_PERSON))) & 1023;
      for (best = e->type, ty = AR_ENT_PERSON; ty <= AR_ENT_ORG; ty++) {
        if (c[ty] > c[best]) best = ty;
      }
      if (e->nTok >= 2 && (best == AR_ENT_PERSON || best == AR_ENT_ORG) && c[AR_ENT_ORG] == c[AR_ENT_PERSON])
        best = t->aTok[e->iTok].gaz & AR_GZ_FIRST_NAME ? AR_ENT_PERSON : AR_ENT_ORG;
      e->type = best;
    }
  }
  ar_hashmap_free(&votes);
  return person_or_organization(t, aMark, p);
}

static int build_entities(const ArNerModel *model, const ArNerText *t, const Mark *aMark, ArEntityList *p) {
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
    skip = strip_first(model, t, aMark, i, &words);
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
  if (rc == AR_OK) rc = one_type_per_name(t, aMark, p);
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
      int nKey = first_key(t, e, key), found, *pv;
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
        ** names it ends with (not one that is the same name in more words:
        ** نورالدين بن عاشور, نور الدين بن عاشور). */
        if ((p->a[repLast].nTok > p->a[rep].nTok || aMark[p->a[rep].iTok].match < 0) &&
            aName[repLast] != aName[rep] && ends_with(t, &p->a[repLast], e))
          rep = repLast;
        /* جمالات after جمالات شيحة: the one person of the text with that first name */
        if (p->a[rep].nTok == 1 && e->nTok == 1) {
          const int *pf = ar_hashmap_find(&byFirst, key_without(t, e->iTok, e->nCanon, 0));
          if (pf && *pf >= 0) rep = *pf;
        }
      }
      aRep[i] = rep;
    }
    /* A body named short in a text that names it in full (البنك المركزي and
    ** البنك المركزي التونسي, الاتحاد الأفريقي and الاتحاد الأفريقي لكرة القدم
    ** in one article): the one longer organization that begins with its words,
    ** when the short name is not the gazetteer's unless the long one is too.
    ** A name of one word may be the last word of the longer one too (يونايتد
    ** after مانشستر يونايتد, حماس after حركة حماس), with or without its
    ** article (الريال after ريال مدريد), and a name may be the longer one
    ** without its word of kind (الخارجية الأمريكية, وزارة الخارجية الأمريكية). */
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      ArEntity *e = &p->a[i];
      int j, found = -1;
      if (e->type != AR_ENT_ORG || aRep[i] != i) continue;
      for (j = 0; j < p->n; j++) {
        ArEntity *r = &p->a[j];
        if (r->type != AR_ENT_ORG || r->nTok <= e->nTok ||
            !(begins_with(t, r, e) || (e->nTok == 1 && one_word_of(t, r, e)) ||
              (r->nTok == e->nTok + 1 && bare_trigger(t, r->iTok) && !(t->aTok[r->iTok].gaz & AR_GZ_WEAK_TRIGGER) &&
               !bare_trigger(t, e->iTok) && ends_with(t, r, e))))
          continue;
        if (aMark[e->iTok].match >= 0 && aMark[r->iTok].match < 0) continue;
        if (found >= 0 && aName[found] != aName[j]) {
          found = -2;
          break;
        }
        found = j;
      }
      if (found >= 0) aRep[i] = aRep[found];
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
      /* تنظيم داعش, حركة النهضة: a word of the kind, then the gazetteer's name of the same type */
      if (m < 0 && e->nTok >= 2 && e->type == AR_ENT_ORG && aMark[e->iTok + 1].match >= 0 &&
          ((t->aTok[e->iTok].gaz & AR_GZ_ORG_TRIGGER) || strcmp(bare_of(t, e->iTok), "تنظيم") == 0)) {
        const ArNerMatch *m2 = &t->aMatch[aMark[e->iTok + 1].match];
        if (m2->iTok == e->iTok + 1 && m2->iTok + m2->nTok == e->iTok + e->nTok && m2->type == e->type && m2->zCanon)
          m = aMark[e->iTok + 1].match;
      }
      /* المنجي الرحوي: the gazetteer's person (منجي الرحوي) with the article on the given name */
      if (m < 0 && e->nTok >= 2 && e->type == AR_ENT_PERSON && aMark[e->iTok + 1].match >= 0 &&
          t->aTok[e->iTok].nAl && !t->aTok[e->iTok].nProc) {
        const ArNerMatch *m2 = &t->aMatch[aMark[e->iTok + 1].match];
        const ArNerToken *given = &t->aTok[e->iTok];
        int nAl = (int)strlen("ال"), n = given->nByte - nAl;
        if (m2->iTok == e->iTok + 1 && m2->iTok + m2->nTok == e->iTok + e->nTok && m2->type == e->type &&
            m2->zCanon && n > 0 && m2->nCanon > n && m2->zCanon[n] == ' ' &&
            memcmp(m2->zCanon, t->z + given->iByte + nAl, (size_t)n) == 0)
          m = aMark[e->iTok + 1].match;
      }
      if (m >= 0 && t->aMatch[m].zCanon) {
        rc = pool_add(p, t->aMatch[m].zCanon, t->aMatch[m].nCanon);
      } else {
        if (t->aTok[e->iTok].restoreAl && e->nCanon == t->aTok[e->iTok].nProc)
          rc = pool_add(p, "ال", (int)strlen("ال"));
        if (rc == AR_OK) rc = pool_add(p, t->z + e->iByte, e->nByte);
      }
      if (rc == AR_OK) ar_entity_hashtag_spaces(p->zPool + start, p->nPool - start);
      e->iCanon = start;
      e->nCanon = p->nPool - start;
    }
    for (i = 0; i < p->n && rc == AR_OK; i++) {
      if (aRep[i] == i) continue;
      p->a[i].iCanon = p->a[aRep[i]].iCanon;
      p->a[i].nCanon = p->a[aRep[i]].nCanon;
    }
    /* A given name alone that no fuller name of the text completes (محمد,
    ** جمال; حسن in حسن التصرف "good management", صادق "ratified") names no
    ** one: it is no entity. */
    if (rc == AR_OK) {
      int k = 0;
      for (i = 0; i < p->n; i++) {
        const ArEntity *e = &p->a[i];
        const ArNerToken *tok = &t->aTok[e->iTok];
        /* عبد الرحمان, عبد الله alone: a given name of two words */
        int abd = e->nTok == 2 && strcmp(bare_of(t, e->iTok), "عبد") == 0 && t->aTok[e->iTok + 1].nAl &&
                  p->a[aRep[i]].nTok == 2;
        /* بن alone (#محمد_بن_سلمان cut by the hashtag), لي of قال لي "told me" */
        int piece = e->type == AR_ENT_PERSON && e->nTok == 1 && aMark[e->iTok].match < 0 &&
                    (continues_name(t, e->iTok) ||
                     (tok->nCp <= 2 && e->iTok > 0 && (t->aTok[e->iTok - 1].gaz & AR_GZ_SPEECH)));
        int drop = piece || (e->type == AR_ENT_PERSON && (e->nTok == 1 || abd) && aMark[e->iTok].match < 0 &&
                   ((tok->gaz & AR_GZ_FIRST_NAME) || abd) && (p->a[aRep[i]].nTok == 1 || abd) &&
                   /* #دونالد_ترامب: the given name of the person the hashtag goes on with */
                   !(is_mark(t, e->iTok + 1, '_') && e->iTok + 2 < t->nTok && aMark[e->iTok + 2].type == AR_ENT_PERSON &&
                     !continues_name(t, e->iTok + 2)));
        if (!drop) p->a[k++] = p->a[i];
      }
      p->n = k;
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
    merge_matches(model, &t, aMark);
    split_at_marks(&t, aMark);
    org_from_triggers(model, &t, aMark);
    country_bodies(&t, aMark);
    org_complements(&t, aMark);
    clubs(&t, aMark);
    guard_spans(model, &t, aMark);
    dashed_tails(&t, aMark);
    quoted_names(&t, aMark);
    media_names(&t, aMark);
    site_names(&t, aMark);
    latin_glosses(&t, aMark);
    org_guards(model, &t, aMark);
    work_titles(&t, aMark);
    generic_bodies(&t, aMark);
    place_heads(&t, aMark);
    compound_names(&t, aMark);
    mark_dates(&t, aMark);
    governments_of_persons(&t, aMark);
    coordinated_organizations(&t, aMark);
    speakers(model, &t, aMark);
    persons_after_roles(model, &t, aMark);
    members_after_bodies(&t, aMark);
    persons_between_persons(model, &t, aMark);
    thing_names(&t, aMark);
    rc = link_names(model, &t, aMark);
    if (rc == AR_OK) rc = link_organizations(model, &t, aMark);
    if (rc == AR_OK) rc = single_persons(model, &t, aMark);
    if (rc == AR_OK) places_named_for_persons(&t, aMark);
    if (rc == AR_OK) rc = build_entities(model, &t, aMark, pOut);
  }
  ar_free(aLabel);
  ar_free(aMark);
  ar_ner_text_free(&t);
  if (rc != AR_OK) ar_entities_free(pOut);
  return rc;
}
