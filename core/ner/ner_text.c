/*
** Tokens, proclitics and gazetteer look-ups of the entity core (ner.h).
**
** A token is a word of the segmenter (core/segment.h: the index's words)
** or one punctuation mark. Its proclitics come from the parse search uses
** too (core/clitics.h), letting a name be two letters after its article;
** the names of the gazetteers decide whether an entity starts after them.
*/
#include <pthread.h>
#include <string.h>

#include "../alloc.h"
#include "../clitics.h"
#include "../namekey.h"
#include "../segment.h"
#include "ner.h"
#include "../utf8.h"

#define CH_ALEF 0x0627
#define CH_BEH  0x0628
#define CH_FEH  0x0641
#define CH_KAF  0x0643
#define CH_LAM  0x0644
#define CH_WAW  0x0648

uint64_t ar_hash_bytes(uint64_t h, const void *p, int n) {
  const unsigned char *z = p;
  int i;
  for (i = 0; i < n; i++) {
    h ^= z[i];
    h *= 1099511628211ULL;
  }
  return h ? h : 1;
}

void ar_ner_text_free(ArNerText *t) {
  ar_free(t->aTok);
  ar_free(t->zFold);
  ar_free(t->aCp);
  ar_free(t->aCpChar);
  ar_free(t->aCpByte);
  ar_free(t->aMatch);
  ar_free(t->aHash);
  memset(t, 0, sizeof(*t));
}

/* Append code points to the folded forms of the text. */
static int push_cp(ArNerText *t, uint32_t c, int iChar, int iByte) {
  int nAlloc = t->nCpAlloc;
  if (t->nCp + 1 > nAlloc) {
    int rc = ar_grow((void **)&t->aCp, &nAlloc, t->nCp + 1, sizeof(uint32_t));
    int n2 = t->nCpAlloc, n3 = t->nCpAlloc;
    if (rc == AR_OK) rc = ar_grow((void **)&t->aCpChar, &n2, t->nCp + 1, sizeof(int));
    if (rc == AR_OK) rc = ar_grow((void **)&t->aCpByte, &n3, t->nCp + 1, sizeof(int));
    if (rc != AR_OK) return rc;
    t->nCpAlloc = nAlloc;
  }
  t->aCp[t->nCp] = c;
  t->aCpChar[t->nCp] = iChar;
  t->aCpByte[t->nCp] = iByte;
  t->nCp++;
  return AR_OK;
}

static int push_fold(ArNerText *t, const uint32_t *a, int n, int *piOff) {
  int i, rc = ar_grow((void **)&t->zFold, &t->nFoldAlloc, t->nFold + 4 * n + 1, 1);
  if (rc != AR_OK) return rc;
  *piOff = t->nFold;
  for (i = 0; i < n; i++) t->nFold += ar_utf8_encode(a[i], (unsigned char *)t->zFold + t->nFold);
  t->zFold[t->nFold++] = 0;
  return AR_OK;
}

static unsigned shape_of(const uint32_t *a, int n) {
  int i, nArabic = 0, nDigit = 0, nOther = 0;
  for (i = 0; i < n; i++) {
    if (a[i] >= '0' && a[i] <= '9') nDigit++;
    else if (a[i] >= 0x0600 && a[i] <= 0x06FF) nArabic++;
    else nOther++;
  }
  if (nArabic == n) return AR_SHAPE_ARABIC;
  if (nDigit == n) return AR_SHAPE_DIGITS;
  if (nOther == n) return AR_SHAPE_LATIN;
  return AR_SHAPE_MIXED;
}

/* Proclitics of a folded word (core/clitics.h): a name may be two letters
** after its article (الصين is ال + صين). A lone و or ف before 3 letters
** stays: the word may start with it. */
static void read_proclitics(ArNerToken *tok, const uint32_t *a, int n) {
  ArClitics c;
  tok->nProc = tok->nAl = tok->restoreAl = tok->nConj = 0;
  if (tok->shape != AR_SHAPE_ARABIC) return;
  ar_clitics_parse(a, n, 2, 0, &c);
  tok->nConj = c.conj;
  tok->restoreAl = c.article == 1;
  tok->nAl = c.article == 2 ? 2 : 0;
  tok->nProc = c.conj + c.prep + tok->restoreAl;
}

/* The name key of a[0..n) appended to zFold. */
static int push_key(ArNerText *t, const uint32_t *a, int n, int *piOff, int *pn) {
  uint32_t key[AR_MAX_WORD_CHARS];
  int rc, k;
  k = ar_name_key(a, n, key);
  rc = push_fold(t, key, k, piOff);
  *pn = t->nFold - 1 - *piOff;
  return rc;
}

/* Add a token: a word of the segmenter or one punctuation mark. iChar is
** its first character (as SQLite counts them). */
static int add_token(ArNerText *t, const ArWord *w, int isWord, int iChar) {
  ArNerToken *tok;
  int rc, k, iCp0 = t->nCp, n = isWord ? w->n : 1, at = w->iStart, chars = iChar;
  if (n == 0) return AR_OK;
  rc = ar_grow((void **)&t->aTok, &t->nTokAlloc, t->nTok + 1, sizeof(ArNerToken));
  for (k = 0; k < n && rc == AR_OK; k++) {
    int src = w->src[k];
    /* characters counted on from the last code point's source (they come in order) */
    if (src < at) at = w->iStart, chars = iChar;
    chars += ar_sqlite_chars((const unsigned char *)t->z, at, src);
    at = src;
    rc = push_cp(t, w->cp[k], chars, src);
  }
  if (rc != AR_OK) return rc;
  tok = &t->aTok[t->nTok];
  memset(tok, 0, sizeof(*tok));
  tok->iByte = w->iStart;
  tok->nByte = w->iEnd - w->iStart;
  tok->iChar = iChar;
  tok->nChar = ar_sqlite_chars((const unsigned char *)t->z, w->iStart, w->iEnd);
  tok->iCp = iCp0;
  tok->nCp = n;
  tok->isWord = isWord;
  tok->gazEntry = -1;
  tok->shape = isWord ? shape_of(t->aCp + iCp0, n) : AR_SHAPE_PUNCT;
  if (isWord) read_proclitics(tok, t->aCp + iCp0, n);
  rc = push_fold(t, t->aCp + iCp0, n, &tok->iFold);
  tok->nFold = t->nFold - 1 - tok->iFold;
  if (rc == AR_OK) rc = push_key(t, t->aCp + iCp0, n, &tok->iKey, &tok->nKey);
  if (rc == AR_OK) t->nTok++;
  return rc;
}

/* Room from the start for what a text of t->n bytes needs, so that the
** arrays seldom grow (a copy each time): a code point at most per
** character, and, as news measures, folded forms of twice the bytes and a
** token every 8 bytes. The arrays still grow when a text needs more; fit()
** gives back what it did not use. */
static int reserve(ArNerText *t) {
  t->nCpAlloc = ar_sqlite_chars((const unsigned char *)t->z, 0, t->n) + 1;
  t->nFoldAlloc = 2 * t->n + 64;
  t->nTokAlloc = t->n / 8 + 16;
  t->aCp = ar_malloc(sizeof(uint32_t) * (size_t)t->nCpAlloc);
  t->aCpChar = ar_malloc(sizeof(int) * (size_t)t->nCpAlloc);
  t->aCpByte = ar_malloc(sizeof(int) * (size_t)t->nCpAlloc);
  t->zFold = ar_malloc((size_t)t->nFoldAlloc);
  t->aTok = ar_malloc(sizeof(ArNerToken) * (size_t)t->nTokAlloc);
  return t->aCp && t->aCpChar && t->aCpByte && t->zFold && t->aTok ? AR_OK : AR_NOMEM;
}

/* *pa cut to n elements of sz bytes. */
static int shrink(void **pa, int *pnAlloc, int n, size_t sz) {
  void *aNew;
  if (n >= *pnAlloc) return AR_OK;
  aNew = ar_realloc(*pa, (size_t)(n > 0 ? n : 1) * sz);
  if (!aNew) return AR_NOMEM;
  *pa = aNew;
  *pnAlloc = n > 0 ? n : 1;
  return AR_OK;
}

/* The arrays cut to what the text used: they live as long as the text. */
static int fit(ArNerText *t) {
  int n1 = t->nCpAlloc, n2 = t->nCpAlloc, n3 = t->nCpAlloc;
  int rc = shrink((void **)&t->aCp, &n1, t->nCp, sizeof(uint32_t));
  if (rc == AR_OK) rc = shrink((void **)&t->aCpChar, &n2, t->nCp, sizeof(int));
  if (rc == AR_OK) rc = shrink((void **)&t->aCpByte, &n3, t->nCp, sizeof(int));
  t->nCpAlloc = n1 < n2 ? (n1 < n3 ? n1 : n3) : (n2 < n3 ? n2 : n3); /* the three share one count */
  if (rc == AR_OK) rc = shrink((void **)&t->zFold, &t->nFoldAlloc, t->nFold, 1);
  if (rc == AR_OK) rc = shrink((void **)&t->aTok, &t->nTokAlloc, t->nTok, sizeof(ArNerToken));
  return rc;
}

int ar_ner_tokenize(const ArNormalizer *norm, const char *z, int n, ArNerText *t) {
  ArSegmenter seg;
  ArWord w;
  int kind, rc = AR_OK, iByte = 0, iChar = 0;
  memset(t, 0, sizeof(*t));
  t->z = z;
  t->n = n;
  rc = reserve(t);
  ar_segmenter_init(&seg, norm, z, n, AR_SEG_MARKS);
  while (rc == AR_OK && (kind = ar_segment_next(&seg, &w)) != AR_SEG_END) {
    /* Tokens come in text order: count characters incrementally. */
    iChar += ar_sqlite_chars((const unsigned char *)z, iByte, w.iStart);
    iByte = w.iStart;
    rc = add_token(t, &w, kind == AR_SEG_WORD, iChar);
  }
  if (rc == AR_OK) rc = fit(t);
  if (rc != AR_OK) ar_ner_text_free(t);
  return rc;
}

/* ---- name tables ---- */

int ar_name_table_init(ArNameTable *tab, int nSlots) {
  unsigned size = 64;
  memset(tab, 0, sizeof(*tab));
  while (size < (unsigned)nSlots * 2) size *= 2;
  tab->a = ar_malloc(size * sizeof(ArNameEntry));
  if (!tab->a) return AR_NOMEM;
  memset(tab->a, 0, size * sizeof(ArNameEntry));
  tab->mask = size - 1;
  return AR_OK;
}

void ar_name_table_free(ArNameTable *tab) {
  ar_free(tab->a);
  ar_free(tab->zPool);
  memset(tab, 0, sizeof(*tab));
}

const ArNameEntry *ar_name_table_find(const ArNameTable *tab, uint64_t h) {
  unsigned i;
  if (!tab || !tab->a) return 0;
  for (i = (unsigned)h & tab->mask; tab->a[i].h; i = (i + 1) & tab->mask) {
    if (tab->a[i].h == h) return &tab->a[i];
  }
  return 0;
}

static int table_grow(ArNameTable *tab) {
  ArNameTable bigger;
  unsigned i;
  if ((unsigned)(tab->nUsed + 1) * 2 <= tab->mask + 1) return AR_OK;
  if (ar_name_table_init(&bigger, (int)(tab->mask + 1)) != AR_OK) return AR_NOMEM;
  for (i = 0; i <= tab->mask; i++) {
    if (tab->a[i].h) {
      unsigned j = (unsigned)tab->a[i].h & bigger.mask;
      while (bigger.a[j].h) j = (j + 1) & bigger.mask;
      bigger.a[j] = tab->a[i];
    }
  }
  ar_free(tab->a);
  tab->a = bigger.a;
  tab->mask = bigger.mask;
  return AR_OK;
}

/* Insert (or, for bits, merge) an entry; the first entry of a name wins. */
static int table_put(ArNameTable *tab, uint64_t h, int type, int nWords, unsigned bits,
                     const char *zCanon, int iPool, int nCanon) {
  unsigned i;
  if (table_grow(tab) != AR_OK) return AR_NOMEM;
  for (i = (unsigned)h & tab->mask; tab->a[i].h; i = (i + 1) & tab->mask) {
    if (tab->a[i].h == h) {
      tab->a[i].bits |= bits;
      if (tab->a[i].type == AR_ENT_NONE && type != AR_ENT_NONE) break; /* a prefix becomes a name */
      return AR_OK;
    }
  }
  if (tab->a[i].h == 0) tab->nUsed++;
  tab->a[i].h = h;
  tab->a[i].type = (unsigned char)type;
  tab->a[i].nWords = (unsigned char)nWords;
  tab->a[i].bits = bits;
  tab->a[i].zCanon = zCanon;
  tab->a[i].iPool = iPool;
  tab->a[i].nCanon = nCanon;
  if (nWords > tab->maxWords) tab->maxWords = nWords;
  return AR_OK;
}

/* Fold text into words and feed the hash with either their name keys
** (isKey) or their folded forms, joined by one space. Returns the number of
** words; *ph the hash. The words' own keys go to aWordHash when not NULL. */
static int hash_words(const ArNormalizer *norm, const char *z, int n, int isKey, uint64_t *ph,
                      uint64_t *aWordHash, uint64_t *aPrefix) {
  ArSegmenter seg;
  ArWord w;
  uint32_t key[AR_MAX_WORD_CHARS];
  int nWords = 0;
  uint64_t h = AR_HASH_INIT;
  ar_segmenter_init(&seg, norm, z, n, 0);
  while (ar_segment_next(&seg, &w) == AR_SEG_WORD) {
    unsigned char zb[4 * AR_MAX_WORD_CHARS];
    int nb = 0, j, nk;
    if (w.n == 0) continue;
    nk = isKey ? ar_name_key(w.cp, w.n, key) : w.n;
    for (j = 0; j < nk; j++) nb += ar_utf8_encode(isKey ? key[j] : w.cp[j], zb + nb);
    if (nWords < AR_NAME_MAX_WORDS && aWordHash)
      aWordHash[nWords] = ar_hash_bytes(ar_hash_bytes(AR_HASH_INIT, zb, nb), "k", 1);
    if (nWords > 0) h = ar_hash_bytes(h, " ", 1);
    h = ar_hash_bytes(h, zb, nb);
    if (nWords < AR_NAME_MAX_WORDS && aPrefix) aPrefix[nWords] = h;
    nWords++;
  }
  *ph = h;
  return nWords;
}

int ar_name_table_add(ArNameTable *tab, const ArNormalizer *norm, const char *zName, int nName,
                      int type, const char *zCanon, int nCanon) {
  uint64_t h;
  int iPool = -1;
  uint64_t aPrefix[AR_NAME_MAX_WORDS];
  int w, nWords = hash_words(norm, zName, nName, 1, &h, 0, aPrefix);
  if (nWords == 0 || nWords > AR_NAME_MAX_WORDS) return 1;
  for (w = 0; w + 1 < nWords; w++) {
    if (table_put(tab, aPrefix[w], AR_ENT_NONE, w + 1, 0, 0, -1, 0) != AR_OK) return AR_NOMEM;
  }
  if (!zCanon || nCanon <= 0) {
    zCanon = zName;
    nCanon = nName;
  }
  if (ar_grow((void **)&tab->zPool, &tab->nPoolAlloc, tab->nPool + nCanon, 1) != AR_OK) return AR_NOMEM;
  memcpy(tab->zPool + tab->nPool, zCanon, (size_t)nCanon);
  iPool = tab->nPool;
  tab->nPool += nCanon;
  return table_put(tab, h, type, nWords, 0, 0, iPool, nCanon);
}

const char *ar_name_entry_canonical(const ArNameTable *tab, const ArNameEntry *e, int *pn) {
  *pn = e->nCanon;
  if (e->zCanon) return e->zCanon;
  if (e->iPool >= 0 && tab->zPool) return tab->zPool + e->iPool;
  return 0;
}

/* ---- the built-in tables ---- */

static ArNameTable g_names, g_words, g_late;
static int g_builtin_ready;
static pthread_mutex_t g_builtin_mutex = PTHREAD_MUTEX_INITIALIZER;

/* A name of one word as its list spells it, folded: a place's gets the
** word bit AR_GZ_PLACE_SPELLED, and every one an entry "n" without bits. */
static int put_spelling(const ArNormalizer *norm, const char *z, int n, int type) {
  uint64_t hFold;
  int rc = AR_OK;
  hash_words(norm, z, n, 0, &hFold, 0, 0);
  if (type == AR_ENT_LOCATION)
    rc = table_put(&g_words, ar_hash_bytes(hFold, "w", 1), AR_ENT_NONE, 1, AR_GZ_PLACE_SPELLED, 0, -1, 0);
  if (rc == AR_OK) rc = table_put(&g_words, ar_hash_bytes(hFold, "n", 1), AR_ENT_NONE, 1, 0, 0, -1, 0);
  return rc;
}

/* Add every entry of a '|'-separated list: "name" or "name=canonical". */
static int add_list(const ArNormalizer *norm, const char *zList, int type, unsigned bits) {
  const char *z = zList;
  int rc = AR_OK;
  while (*z && rc == AR_OK) {
    const char *zEnd = strchr(z, '|'), *zEq;
    int n;
    if (!zEnd) zEnd = z + strlen(z);
    n = (int)(zEnd - z);
    zEq = memchr(z, '=', (size_t)n);
    if (type != AR_ENT_NONE) {
      const char *zCanon = zEq ? zEq + 1 : z;
      int nName = zEq ? (int)(zEq - z) : n, nCanon = zEq ? (int)(zEnd - zEq - 1) : n, nWords, w;
      uint64_t h, aWord[AR_NAME_MAX_WORDS], aPrefix[AR_NAME_MAX_WORDS];
      nWords = hash_words(norm, z, nName, 1, &h, aWord, aPrefix);
      for (w = 0; w + 1 < nWords && w < AR_NAME_MAX_WORDS && rc == AR_OK; w++)
        rc = table_put(&g_names, aPrefix[w], AR_ENT_NONE, w + 1, 0, 0, -1, 0);
      if (rc == AR_OK) rc = table_put(&g_names, h, type, nWords, 0, zCanon, -1, nCanon);
      for (w = 0; w < nWords && w < AR_NAME_MAX_WORDS && rc == AR_OK; w++)
        rc = table_put(&g_words, aWord[w], AR_ENT_NONE, 1, bits, 0, -1, 0);
      /* a one-word name as it is spelled (rules only: مشاهد shares the key of مشهد, عرفت that
      ** of عرفات): a place's bit, and for every name an entry of ar_ner_spelled_as_listed */
      if (rc == AR_OK && nWords == 1) rc = put_spelling(norm, z, nName, type);
    } else {
      int nName = zEq ? (int)(zEq - z) : n;
      unsigned b = bits | (zEq && zEnd[-1] == '*' ? AR_GZ_MONTH_AMBIG : 0);
      uint64_t h, aPrefix[AR_NAME_MAX_WORDS];
      int nWords = hash_words(norm, z, nName, 0, &h, 0, aPrefix);
      rc = table_put(&g_words, ar_hash_bytes(h, "w", 1), AR_ENT_NONE, 1, b, zEq ? zEq + 1 : 0, -1,
                     zEq ? (int)(zEnd - zEq - 1) : 0);
      /* the first word of a pair: a look-up of a pair (pair_listed) stops at a word that starts none */
      if (rc == AR_OK && nWords == 2)
        rc = table_put(&g_words, ar_hash_bytes(aPrefix[0], "f", 1), AR_ENT_NONE, 1, b, 0, -1, 0);
    }
    z = *zEnd ? zEnd + 1 : zEnd;
  }
  return rc;
}

/* Names for the rules only (ar_gaz_late_*): into g_late, the one-word places'
** spellings marked AR_GZ_PLACE_SPELLED; no word bits, so the tagger's
** features do not see them (it was trained without them). */
static int add_late(const ArNormalizer *norm, const char *zList, int type) {
  const char *z = zList;
  int rc = AR_OK;
  while (*z && rc == AR_OK) {
    const char *zEnd = strchr(z, '|'), *zEq;
    int n, nName, nCanon, nWords, w;
    const char *zCanon;
    uint64_t h, aPrefix[AR_NAME_MAX_WORDS];
    if (!zEnd) zEnd = z + strlen(z);
    n = (int)(zEnd - z);
    zEq = memchr(z, '=', (size_t)n);
    zCanon = zEq ? zEq + 1 : z;
    nName = zEq ? (int)(zEq - z) : n;
    nCanon = zEq ? (int)(zEnd - zEq - 1) : n;
    nWords = hash_words(norm, z, nName, 1, &h, 0, aPrefix);
    for (w = 0; w + 1 < nWords && w < AR_NAME_MAX_WORDS && rc == AR_OK; w++)
      rc = table_put(&g_late, aPrefix[w], AR_ENT_NONE, w + 1, 0, 0, -1, 0);
    if (rc == AR_OK && nWords > 0) rc = table_put(&g_late, h, type, nWords, 0, zCanon, -1, nCanon);
    if (rc == AR_OK && nWords == 1) rc = put_spelling(norm, z, nName, type);
    z = *zEnd ? zEnd + 1 : zEnd;
  }
  return rc;
}

/* Nisba adjectives: each masculine entry, its feminine, duals and plurals
** (أمريكية, أمريكيان, أمريكيون, أمريكيتان, أمريكيات ...), all with and
** without the article. */
static int add_adjectives(const ArNormalizer *norm, const char *zList) {
  static const char *const azEnd[] = {"", "ة", "ان", "ين", "ون", "تان", "تين", "ات"};
  const int nEnd = (int)(sizeof(azEnd) / sizeof(azEnd[0]));
  const char *z = zList;
  int rc = AR_OK;
  while (*z && rc == AR_OK) {
    const char *zEnd = strchr(z, '|');
    char buf[128];
    int n, v;
    if (!zEnd) zEnd = z + strlen(z);
    n = (int)(zEnd - z);
    for (v = 0; v < 2 * nEnd && rc == AR_OK && n + 12 < (int)sizeof(buf); v++) {
      const char *zSuffix = azEnd[v / 2];
      int k = 0;
      uint64_t h;
      if (v & 1) memcpy(buf, "ال", 4), k = 4;
      memcpy(buf + k, z, (size_t)n);
      k += n;
      memcpy(buf + k, zSuffix, strlen(zSuffix));
      k += (int)strlen(zSuffix);
      hash_words(norm, buf, k, 0, &h, 0, 0);
      rc = table_put(&g_words, ar_hash_bytes(h, "w", 1), AR_ENT_NONE, 1, AR_GZ_COUNTRY_ADJ, 0, -1, 0);
    }
    z = *zEnd ? zEnd + 1 : zEnd;
  }
  return rc;
}

/* The adjectives of the one-word places of a list (فاس: الفاسي, الفاسية;
** وجدة: الوجدي; صفاقس: الصفاقسي): the word without its article and its
** final ة or ا, then ي or ية, with the article. */
static int add_place_nisbas(const ArNormalizer *norm, const char *zList) {
  const char *z = zList;
  int rc = AR_OK;
  while (*z && rc == AR_OK) {
    const char *zEnd = strchr(z, '|'), *zEq;
    int n, v;
    if (!zEnd) zEnd = z + strlen(z);
    zEq = memchr(z, '=', (size_t)(zEnd - z));
    n = (int)((zEq ? zEq : zEnd) - z);
    if (!memchr(z, ' ', (size_t)n) && n >= 6 && n < 100) {
      const char *zStem = z;
      char buf[128];
      int nStem = n;
      if (nStem > 4 && memcmp(zStem, "ال", 4) == 0) zStem += 4, nStem -= 4;
      if (nStem > 4 && (memcmp(zStem + nStem - 2, "ة", 2) == 0 || memcmp(zStem + nStem - 2, "ا", 2) == 0)) nStem -= 2;
      for (v = 0; v < 2 && rc == AR_OK; v++) {
        uint64_t h;
        int k = 4;
        memcpy(buf, "ال", 4);
        memcpy(buf + k, zStem, (size_t)nStem);
        k += nStem;
        memcpy(buf + k, v ? "ية" : "ي", v ? 4 : 2);
        k += v ? 4 : 2;
        hash_words(norm, buf, k, 0, &h, 0, 0);
        rc = table_put(&g_words, ar_hash_bytes(h, "w", 1), AR_ENT_NONE, 1, AR_GZ_PLACE_NISBA, 0, -1, 0);
      }
    }
    z = *zEnd ? zEnd + 1 : zEnd;
  }
  return rc;
}

static int build_builtin(void) {
  ArNormalizer *norm = ar_malloc(sizeof(ArNormalizer));
  int rc = norm ? AR_OK : AR_NOMEM;
  if (rc == AR_OK) {
    ar_normalizer_init(norm, AR_FOLD_DEFAULT);
    rc = ar_name_table_init(&g_names, 1024);
  }
  if (rc == AR_OK) rc = ar_name_table_init(&g_words, 1024);
  if (rc == AR_OK) rc = ar_name_table_init(&g_late, 256);
  if (rc == AR_OK) rc = add_late(norm, ar_gaz_late_locations, AR_ENT_LOCATION);
  if (rc == AR_OK) rc = add_late(norm, ar_gaz_late_organizations, AR_ENT_ORG);
  if (rc == AR_OK) rc = add_late(norm, ar_gaz_late_persons, AR_ENT_PERSON);
  if (rc == AR_OK) rc = add_place_nisbas(norm, ar_gaz_late_locations);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_persons, AR_ENT_PERSON, AR_GZ_PERSON);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_locations, AR_ENT_LOCATION, AR_GZ_LOCATION);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_organizations, AR_ENT_ORG, AR_GZ_ORG);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_titles, AR_ENT_NONE, AR_GZ_TITLE);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_speech, AR_ENT_NONE, AR_GZ_SPEECH);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_org_triggers, AR_ENT_NONE, AR_GZ_ORG_TRIGGER);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_loc_triggers, AR_ENT_NONE, AR_GZ_LOC_TRIGGER);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_months, AR_ENT_NONE, AR_GZ_MONTH);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_weekdays, AR_ENT_NONE, AR_GZ_WEEKDAY);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_first_names, AR_ENT_NONE, AR_GZ_FIRST_NAME);
  if (rc == AR_OK) rc = add_adjectives(norm, ar_gaz_country_adjectives);
  if (rc == AR_OK) rc = add_place_nisbas(norm, ar_gaz_locations);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_clubs, AR_ENT_NONE, AR_GZ_CLUB);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_sports, AR_ENT_NONE, AR_GZ_SPORT);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_date_periods, AR_ENT_NONE, AR_GZ_DATE_PERIOD);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_date_relatives, AR_ENT_NONE, AR_GZ_DATE_RELATIVE);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_year_openers, AR_ENT_NONE, AR_GZ_YEAR_OPENER);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_numbers, AR_ENT_NONE, AR_GZ_NUMBER);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_function_words, AR_ENT_NONE, AR_GZ_FUNCTION);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_media_triggers, AR_ENT_NONE, AR_GZ_MEDIA);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_media_names, AR_ENT_NONE, AR_GZ_MEDIA_NAME);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_organs, AR_ENT_NONE, AR_GZ_ORGAN);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_weak_triggers, AR_ENT_NONE, AR_GZ_WEAK_TRIGGER);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_works, AR_ENT_NONE, AR_GZ_WORK);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_common_places, AR_ENT_NONE, AR_GZ_COMMON_PLACE);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_place_heads, AR_ENT_NONE, AR_GZ_PLACE_HEAD);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_generic_bodies, AR_ENT_NONE, AR_GZ_GENERIC_BODY);
  if (rc == AR_OK) rc = add_list(norm, ar_gaz_broadcast, AR_ENT_NONE, AR_GZ_BROADCAST);
  ar_free(norm);
  if (rc != AR_OK) {
    ar_name_table_free(&g_names);
    ar_name_table_free(&g_words);
    ar_name_table_free(&g_late);
  }
  return rc;
}

/* Built on first use; after an out-of-memory failure the next call tries
** again. */
static int builtin_ready(void) {
  int ready;
  pthread_mutex_lock(&g_builtin_mutex);
  if (!g_builtin_ready) g_builtin_ready = build_builtin() == AR_OK;
  ready = g_builtin_ready;
  pthread_mutex_unlock(&g_builtin_mutex);
  return ready;
}

const ArNameTable *ar_ner_builtin_names(void) { return builtin_ready() ? &g_names : 0; }
const ArNameTable *ar_ner_builtin_words(void) { return builtin_ready() ? &g_words : 0; }

void ar_ner_builtin_release(void) {
  pthread_mutex_lock(&g_builtin_mutex);
  if (g_builtin_ready) {
    ar_name_table_free(&g_names);
    ar_name_table_free(&g_words);
    ar_name_table_free(&g_late);
    g_builtin_ready = 0;
  }
  pthread_mutex_unlock(&g_builtin_mutex);
}

/* ---- annotation ---- */

/* A word without its proclitics (ال restored after لل), in buf. */
static int stripped_form(const ArNerText *t, const ArNerToken *tok, uint32_t *buf, int nBuf) {
  int n = 0, i;
  if (tok->restoreAl) {
    buf[n++] = CH_ALEF;
    buf[n++] = CH_LAM;
  }
  for (i = tok->nProc; i < tok->nCp && n < nBuf; i++) buf[n++] = t->aCp[tok->iCp + i];
  return n;
}


static uint64_t hash_cps(uint64_t h, const uint32_t *a, int n) {
  unsigned char zb[4];
  int i;
  for (i = 0; i < n; i++) h = ar_hash_bytes(h, zb, ar_utf8_encode(a[i], zb));
  return h;
}

static uint64_t hash_key(uint64_t h, const uint32_t *a, int n) {
  uint32_t key[AR_MAX_WORD_CHARS];
  if (n > AR_MAX_WORD_CHARS) n = AR_MAX_WORD_CHARS;
  return hash_cps(h, key, ar_name_key(a, n, key));
}

/* hash_cps() of the word's folded code points, from their UTF-8 in zFold in one pass. */
static uint64_t fold_hash(const ArNerText *t, const ArNerToken *tok) {
  return ar_hash_bytes(AR_HASH_INIT, t->zFold + tok->iFold, tok->nFold);
}

/* وكييف, وبغداد, ولندن: after a conjunction, a name may itself start with
** ب ك ل. The reading without the conjunction alone is then a second
** candidate for the gazetteer; 0 when there is none. */
static uint64_t conj_only_key(const ArNerText *t, const ArNerToken *tok) {
  if (!tok->nConj || tok->nProc <= tok->nConj || tok->restoreAl) return 0;
  return hash_key(AR_HASH_INIT, t->aCp + tok->iCp + tok->nConj, tok->nCp - tok->nConj);
}

/* Longest name of tab starting at token i whose first word has the key
** hash h0. Returns its length in tokens (0: none) and the entry. */
static int longest_name(const ArNerText *t, const ArNameTable *tab, int i, uint64_t h0,
                        const ArNameEntry **ppE) {
  uint64_t h = h0;
  int L, best = 0;
  for (L = 1; L <= tab->maxWords && i + L - 1 < t->nTok; L++) {
    const ArNerToken *tok = &t->aTok[i + L - 1];
    const ArNameEntry *e;
    if (!tok->isWord) break;
    if (L > 1) {
      h = ar_hash_bytes(h, " ", 1);
      h = ar_hash_bytes(h, t->zFold + tok->iKey, tok->nKey);
    }
    e = ar_name_table_find(tab, h);
    if (!e) break; /* no name starts with these words (prefixes are in the table) */
    if (e->nWords == L && e->type != AR_ENT_NONE) {
      best = L;
      *ppE = e;
    }
  }
  return best;
}

/* على "on" folds to علي, the given name: as written with its final ى it
** is the preposition (وعلى, فعلى too). */
static void mark_ala(ArNerText *t) {
  static const char *const az[] = {"على", "وعلى", "فعلى"};
  int i;
  unsigned k;
  for (i = 0; i < t->nTok; i++) {
    ArNerToken *tok = &t->aTok[i];
    for (k = 0; k < sizeof(az) / sizeof(az[0]); k++) {
      if (tok->isWord && tok->nByte == (int)strlen(az[k]) && memcmp(t->z + tok->iByte, az[k], (size_t)tok->nByte) == 0) {
        tok->gaz = (tok->gaz & ~(unsigned)AR_GZ_FIRST_NAME) | AR_GZ_FUNCTION;
        tok->gazWhole = tok->gazBare = 0;
      }
    }
  }
}

/* The longest name of tab starting at token i, read from the whole word, the
** word without its proclitics and the word without its conjunction only
** (aForm: the hashes of the three forms' keys, 0 for a form the word does not
** have); kept when longer than *pBest. */
static void longest_of_forms(const ArNerText *t, const ArNerToken *tok, int i, const uint64_t *aForm,
                             const ArNameTable *tab, int *pBest, const ArNameEntry **peBest,
                             const ArNameTable **ptabBest, int *pStrip) {
  int f;
  for (f = 0; f < 3; f++) {
    const ArNameEntry *e = 0;
    uint64_t h0 = aForm[f];
    int L;
    if (h0 == 0) continue;
    L = longest_name(t, tab, i, h0, &e);
    if (L > *pBest) {
      *pBest = L;
      *peBest = e;
      *ptabBest = tab;
      *pStrip = f == 0 ? 0 : f == 1 ? tok->nProc : tok->nConj;
    }
  }
}

/* A gazetteer match of n tokens from token i, its first strip letters not part of the name. */
static int add_match(ArNerText *t, int i, int n, const ArNameTable *tab, const ArNameEntry *e, int strip,
                     int fromUser) {
  ArNerMatch *m;
  if (ar_grow((void **)&t->aMatch, &t->nMatchAlloc, t->nMatch + 1, sizeof(ArNerMatch)) != AR_OK) return AR_NOMEM;
  m = &t->aMatch[t->nMatch++];
  m->iTok = i;
  m->nTok = n;
  m->type = e->type;
  m->stripFirst = strip;
  m->addedAl = 0;
  m->zCanon = ar_name_entry_canonical(tab, e, &m->nCanon);
  m->fromUser = fromUser;
  return AR_OK;
}

/* ببن قردان, لبن عروس: a word of 3 or 4 letters that starts with a letter
** that may be a proclitic, too short for the clitic parse to take it off. */
static int short_after_letter(const ArNerText *t, const ArNerToken *tok) {
  uint32_t c = tok->nCp ? t->aCp[tok->iCp] : 0;
  return tok->nProc == 0 && tok->shape == AR_SHAPE_ARABIC && tok->nCp >= 3 && tok->nCp <= 4 &&
         (c == CH_BEH || c == CH_LAM || c == CH_KAF || c == CH_WAW || c == CH_FEH);
}

/* A name of the lists for the rules only (ar_gaz_late_*) that starts at a
** word no other name covers. */
typedef struct LateName {
  int iTok, nTok, strip;
  const ArNameEntry *e;
} LateName;

/* The longest late name from token i: whole, without its proclitics or its
** conjunction (aForm, as for the other lists), or without a letter (ببن
** قردان). Its length in tokens, 0 if none. */
static int late_name(const ArNerText *t, const ArNerToken *tok, int i, const uint64_t *aForm, LateName *p) {
  const ArNameTable *tab = 0;
  int best = 0;
  longest_of_forms(t, tok, i, aForm, &g_late, &best, &p->e, &tab, &p->strip);
  if (best == 0 && short_after_letter(t, tok)) {
    int L = longest_name(t, &g_late, i, hash_key(AR_HASH_INIT, t->aCp + tok->iCp + 1, tok->nCp - 1), &p->e);
    if (L >= 2) best = L, p->strip = 1;
  }
  p->iTok = i;
  p->nTok = best;
  return best;
}

/* The late names, after the others: not over a name of the user's, nor
** over the late name before them. They neither set the words' gazetteer
** bits nor keep the other lists from matching inside them, so the tagger's
** features are those it was trained with (it never saw these lists);
** appended after the other matches, merge_matches() puts them in last,
** over the names inside them. */
static int add_late_matches(ArNerText *t, const LateName *aLate, int nLate) {
  int nFirst = t->nMatch, k = 0, end = 0, i, j;
  for (i = 0; i < nLate; i++) {
    const LateName *p = &aLate[i];
    int user = 0;
    if (p->iTok < end) continue;
    while (k < nFirst && t->aMatch[k].iTok + t->aMatch[k].nTok <= p->iTok) k++;
    for (j = k; j < nFirst && t->aMatch[j].iTok < p->iTok + p->nTok; j++) user |= t->aMatch[j].fromUser;
    if (user) continue;
    if (add_match(t, p->iTok, p->nTok, &g_late, p->e, p->strip, 0) != AR_OK) return AR_NOMEM;
    end = p->iTok + p->nTok;
  }
  return AR_OK;
}

int ar_ner_spelled_as_listed(const ArNerText *t, int i) {
  const ArNameTable *words = ar_ner_builtin_words();
  const ArNerToken *tok = &t->aTok[i];
  uint32_t buf[AR_MAX_WORD_CHARS + 2];
  if (!words || !tok->isWord) return 0;
  if (ar_name_table_find(words, ar_hash_bytes(fold_hash(t, tok), "n", 1))) return 1;
  if (!tok->nProc) return 0;
  return ar_name_table_find(
             words, ar_hash_bytes(hash_cps(AR_HASH_INIT, buf, stripped_form(t, tok, buf, AR_MAX_WORD_CHARS + 2)), "n", 1)) != 0;
}

int ar_ner_annotate(ArNerText *t, const ArNameTable *user) {
  const ArNameTable *names = ar_ner_builtin_names(), *words = ar_ner_builtin_words();
  uint32_t buf[AR_MAX_WORD_CHARS + 2];
  uint64_t *aBare; /* hash of the name key of each word without its proclitics */
  LateName *aLate = 0; /* the late names, from the words no other name starts at or covers */
  int i, rc, nLate = 0, nLateAlloc = 0;
  if (!names || !words) return AR_NOMEM;
  aBare = ar_malloc(sizeof(uint64_t) * ((size_t)t->nTok + 1));
  if (!aBare) return AR_NOMEM;
  t->nMatch = 0;
  for (i = 0; i < t->nTok; i++) {
    ArNerToken *tok = &t->aTok[i];
    const uint32_t *full = t->aCp + tok->iCp;
    int nStrip, f;
    const ArNameEntry *e;
    if (!tok->isWord) continue;
    nStrip = stripped_form(t, tok, buf, AR_MAX_WORD_CHARS + 2);
    aBare[i] = tok->nProc ? hash_key(AR_HASH_INIT, buf, nStrip) : 0;
    for (f = 0; f < 2; f++) {
      const uint32_t *a = f ? buf : full;
      int n = f ? nStrip : tok->nCp;
      uint64_t hKey = f ? aBare[i] : ar_hash_bytes(AR_HASH_INIT, t->zFold + tok->iKey, tok->nKey);
      if (f && tok->nProc == 0) break;
      e = ar_name_table_find(words, ar_hash_bytes(f ? hash_cps(AR_HASH_INIT, a, n) : fold_hash(t, tok), "w", 1));
      if (e) {
        tok->gaz |= e->bits;
        if (f) tok->gazBare |= e->bits;
        else tok->gazWhole |= e->bits;
      }
      e = ar_name_table_find(words, ar_hash_bytes(hKey, "k", 1));
      if (e) {
        tok->gaz |= e->bits;
        if (f) tok->gazBare |= e->bits;
        else tok->gazWhole |= e->bits;
      }
    }
  }
  mark_ala(t);
  for (i = 0; i < t->nTok;) {
    ArNerToken *tok = &t->aTok[i];
    const ArNameEntry *eBest = 0;
    const ArNameTable *tabBest = 0;
    int best = 0, stripBest = 0, s, addedAl = 0;
    uint64_t aForm[3]; /* the keys of the word's three forms, for each table */
    if (!tok->isWord || tok->shape == AR_SHAPE_DIGITS) {
      i++;
      continue;
    }
    aForm[0] = ar_hash_bytes(AR_HASH_INIT, t->zFold + tok->iKey, tok->nKey);
    aForm[1] = tok->nProc ? aBare[i] : 0;
    aForm[2] = conj_only_key(t, tok);
    for (s = 0; s < 2; s++) {
      const ArNameTable *tab = s == 0 ? user : names;
      if (tab && tab->a) longest_of_forms(t, tok, i, aForm, tab, &best, &eBest, &tabBest, &stripBest);
    }
    if (best == 0) {
      /* ببن قردان, لبن عروس: a preposition of one letter before a first word
      ** too short for the clitic parse; a name of two words or more only. */
      if (short_after_letter(t, tok)) {
        for (s = 0; s < 2; s++) {
          const ArNameTable *tab = s == 0 ? user : names;
          const ArNameEntry *e = 0;
          int L;
          if (!tab || !tab->a) continue;
          L = longest_name(t, tab, i, hash_key(AR_HASH_INIT, t->aCp + tok->iCp + 1, tok->nCp - 1), &e);
          if (L >= 2 && L > best) {
            best = L;
            eBest = e;
            tabBest = tab;
            stripBest = 1;
          }
        }
      }
      /* الفيسبوك, بالفايسبوك: a one-word organization the list writes without ال */
      if (best == 0 && tok->nAl && !tok->restoreAl && tok->nCp - tok->nProc - tok->nAl >= 4) {
        for (s = 0; s < 2; s++) {
          const ArNameTable *tab = s == 0 ? user : names;
          const ArNameEntry *e = 0;
          if (tab && tab->a &&
              longest_name(t, tab, i, hash_key(AR_HASH_INIT, t->aCp + tok->iCp + tok->nProc + tok->nAl,
                                               tok->nCp - tok->nProc - tok->nAl), &e) == 1 &&
              e->type == AR_ENT_ORG) {
            best = 1;
            eBest = e;
            tabBest = tab;
            stripBest = tok->nProc;
            addedAl = 1;
            break;
          }
        }
      }
      if (best == 0) {
        LateName late;
        if (late_name(t, tok, i, aForm, &late)) {
          if (ar_grow((void **)&aLate, &nLateAlloc, nLate + 1, sizeof(LateName)) != AR_OK) {
            ar_free(aBare);
            ar_free(aLate);
            return AR_NOMEM;
          }
          aLate[nLate++] = late;
        }
        i++;
        continue;
      }
      if (add_match(t, i, best, tabBest, eBest, stripBest, tabBest == user) != AR_OK) {
        ar_free(aBare);
        ar_free(aLate);
        return AR_NOMEM;
      }
      t->aMatch[t->nMatch - 1].addedAl = addedAl;
      i += best;
      continue;
    }
    {
      int j;
      if (add_match(t, i, best, tabBest, eBest, stripBest, tabBest == user) != AR_OK) {
        ar_free(aBare);
        ar_free(aLate);
        return AR_NOMEM;
      }
      tok->gazEntry = t->nMatch - 1;
      for (j = 0; j < best; j++) {
        t->aTok[i + j].gaz |= j == 0 ? AR_GZ_BEGIN : AR_GZ_INSIDE;
        t->aTok[i + j].gazType = eBest->type;
      }
      i += best;
    }
  }
  ar_free(aBare);
  rc = add_late_matches(t, aLate, nLate);
  ar_free(aLate);
  return rc == AR_OK ? ar_ner_hash_tokens(t) : rc;
}
