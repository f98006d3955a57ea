/*
** Features of the entity tagger (ner.h): the same code at training time
** (tools/train_ner.c) and at run time, hashed to 32 bits. A feature is a
** template number and a string: the word, its form without proclitics, the
** words next to it and their pairs with it, its first and last letters, its
** shape, the gazetteer lists it and the two words on each side belong to,
** the gazetteer names around it, the lexicon's classes, and how often news
** writes the word and its neighbours (the lexicon's counts, in powers of
** two). Words two away count only through the gazetteers and the classes:
** as words they fit the training text more than new text. Bump
** AR_NER_FEATURES_VERSION when any of this changes: the model records it.
*/
#include <string.h>

#include "../alloc.h"
#include "../lexicon.h"
#include "ner.h"
#include "../utf8.h"

enum {
  T_BIAS = 1, T_W, T_S, T_WM1, T_WP1, T_SM1, T_SP1, T_PRE1, T_PRE2, T_PRE3, T_SUF1, T_SUF2, T_SUF3,
  T_CLITIC, T_SHAPE, T_GAZ, T_GAZM1, T_GAZP1, T_GAZM2, T_GAZP2, T_SPAN, T_SPANM1, T_SPANP1,
  T_BIGRAM_L, T_BIGRAM_R, T_KEY, T_SUF2M1, T_SUF2P1, T_PRE2P1, T_PRE4, T_SUF4, T_WPRE2,
  T_CLS, T_CLSM1, T_CLSP1, T_COARSE, T_COARSEM1, T_COARSEP1, T_CLS_BIGRAM_L, T_CLS_BIGRAM_R,
  T_COARSEM2, T_COARSEP2, T_FREQ, T_FREQM1, T_FREQP1, T_DOC_MAJORITY, T_DOC_SEEN
};

#define FNV32_INIT 2166136261u

static uint32_t fnv(uint32_t h, const void *p, int n) {
  const unsigned char *z = p;
  int i;
  for (i = 0; i < n; i++) {
    h ^= z[i];
    h *= 16777619u;
  }
  return h;
}


/* The stem of a token: the folded word without proclitics or article. */
static const char *stem_of(const ArNerText *t, const ArNerToken *tok, int *pn) {
  const char *z = t->zFold + tok->iFold;
  int i, skip = tok->nProc + tok->nAl, off = 0;
  const unsigned char *u = (const unsigned char *)z;
  for (i = 0; i < skip; i++) ar_utf8_decode(u, tok->nFold, &off);
  *pn = tok->nFold - off;
  return z + off;
}

/* Byte length of the first k and the last k code points of z[0..n). */
static int head_bytes(const char *z, int n, int k) {
  int off = 0;
  while (k-- > 0 && off < n) ar_utf8_decode((const unsigned char *)z, n, &off);
  return off;
}
static int tail_bytes(const char *z, int n, int k) {
  int off = n;
  while (k-- > 0 && off > 0) {
    off--;
    while (off > 0 && ((unsigned char)z[off] & 0xC0) == 0x80) off--;
  }
  return n - off;
}

/* The lexicon's classes of a word: as written, else without its
** proclitics (ال restored after لل: للطيطي is looked up as الطيطي). */
static void lexicon_values(const ArNerText *t, ArNerToken *tok) {
  const char *z = t->zFold + tok->iFold;
  int skip = head_bytes(z, tok->nFold, tok->nProc);
  tok->lexWhole = tok->lex = ar_lexicon_find(&ar_lexicon_data, z, tok->nFold);
  if (tok->lex || !tok->nProc || skip >= tok->nFold) return;
  if (tok->restoreAl) {
    uint32_t h = 2166136261u;
    int k;
    for (k = 0; k < 4; k++) h = (h ^ (unsigned char)"\xD8\xA7\xD9\x84"[k]) * 16777619u;
    h = fnv(h, z + skip, tok->nFold - skip);
    tok->lex = ar_lexicon_find_hash(&ar_lexicon_data, h ? h : 1);
  } else {
    tok->lex = ar_lexicon_find(&ar_lexicon_data, z + skip, tok->nFold - skip);
  }
}

/* The strings of one token that features use, hashed once per token. */
enum { H_W, H_S, H_PRE1, H_PRE2, H_PRE3, H_PRE4, H_SUF1, H_SUF2, H_SUF3, H_SUF4, H_KEY, H_WPRE2, AR_NER_NHASH };

int ar_ner_hash_tokens(ArNerText *t) {
  int i, k;
  ar_free(t->aHash);
  t->aHash = ar_malloc(sizeof(uint32_t) * AR_NER_NHASH * ((size_t)t->nTok + 1));
  if (!t->aHash) return AR_NOMEM;
  for (i = 0; i < t->nTok; i++) {
    ArNerToken *tok = &t->aTok[i];
    uint32_t *h = t->aHash + (size_t)i * AR_NER_NHASH;
    const char *zW = t->zFold + tok->iFold, *zS;
    int nS;
    zS = stem_of(t, tok, &nS);
    h[H_W] = fnv(FNV32_INIT, zW, tok->nFold);
    h[H_S] = fnv(FNV32_INIT, zS, nS);
    {
      /* FNV runs forward: each prefix's hash goes on from the last one's */
      uint32_t pre = FNV32_INIT;
      int nPre = 0, nSuf;
      for (k = 0; k < 4; k++) {
        int next = nPre + head_bytes(zS + nPre, nS - nPre, 1);
        pre = fnv(pre, zS + nPre, next - nPre);
        nPre = next;
        h[H_PRE1 + k] = pre;
        nSuf = tail_bytes(zS, nS, k + 1);
        h[H_SUF1 + k] = fnv(FNV32_INIT, zS + nS - nSuf, nSuf);
      }
    }
    h[H_KEY] = fnv(FNV32_INIT, t->zFold + tok->iKey, tok->nKey);
    if (tok->isWord) lexicon_values(t, tok);
    h[H_WPRE2] = fnv(FNV32_INIT, zW, head_bytes(zW, tok->nFold, 2));
  }
  return AR_OK;
}

/* A feature: a template and a hashed value, mixed. */
static uint32_t mix(int tmpl, uint32_t v) {
  uint32_t x = v ^ ((uint32_t)tmpl * 0x9E3779B9u);
  x ^= x >> 16;
  x *= 0x85EBCA6Bu;
  x ^= x >> 13;
  x *= 0xC2B2AE35u;
  x ^= x >> 16;
  return x;
}

/* Hash k of token j; out of the text, one value for each side. */
static uint32_t tok_hash(const ArNerText *t, int j, int k) {
  if (j < 0) return 0x5E0F0001u;
  if (j >= t->nTok) return 0x5E0F0002u;
  return t->aHash[(size_t)j * AR_NER_NHASH + k];
}

static unsigned gaz_of(const ArNerText *t, int j) {
  if (j < 0 || j >= t->nTok) return 0;
  return t->aTok[j].gaz;
}

static unsigned span_of(const ArNerText *t, int j) {
  unsigned g = gaz_of(t, j);
  if (!(g & (AR_GZ_BEGIN | AR_GZ_INSIDE))) return 0;
  return (g & AR_GZ_BEGIN ? 16u : 32u) | (unsigned)t->aTok[j].gazType;
}

/* The lexicon's class of token j: a class, or one value for a word the
** lexicon does not know, a mark, and each side out of the text. */
static unsigned class_of(const ArNerText *t, int j) {
  if (j < 0) return 2000;
  if (j >= t->nTok) return 2001;
  if (!t->aTok[j].isWord) return 2002 + (t->aCp[t->aTok[j].iCp] & 0xFF);
  return t->aTok[j].lex ? (unsigned)AR_LEXICON_CLASS(t->aTok[j].lex) : 1999u;
}

static unsigned coarse_of(const ArNerText *t, int j) {
  if (j < 0 || j >= t->nTok || !t->aTok[j].isWord || !t->aTok[j].lex) return class_of(t, j);
  return (unsigned)AR_LEXICON_COARSE(t->aTok[j].lex);
}

/* How often news writes token j as it stands (the lexicon's count), in
** powers of two: names are rarer than the words around them. */
static unsigned freq_of(const ArNerText *t, int j) {
  unsigned c, b = 0;
  if (j < 0 || j >= t->nTok || !t->aTok[j].isWord) return 100;
  c = t->aTok[j].lexWhole ? (unsigned)AR_LEXICON_COUNT(t->aTok[j].lexWhole) : 0;
  while (c) b++, c >>= 1;
  return b;
}

static unsigned length_bucket(int n) {
  return n <= 3 ? (unsigned)n : n <= 5 ? 4u : n <= 8 ? 5u : 6u;
}

/* Templates of few values: at run time their weights are read from a
** table of rows, one per template and value (ar_ner_dense_key), not looked
** up by hash: almost half of a token's features. */
enum {
  D_BIAS, D_CLITIC, D_SHAPE, D_GAZ, D_GAZM1, D_GAZP1, D_GAZM2, D_GAZP2, D_SPAN, D_SPANM1, D_SPANP1,
  D_CLS, D_CLSM1, D_CLSP1, D_COARSE, D_COARSEM1, D_COARSEP1, D_COARSEM2, D_COARSEP2, D_FREQ, D_FREQM1,
  D_FREQP1, N_DENSE
};
/* their values: class_of() and coarse_of() are below 2002 + 256 */
#define N_CLITIC 64
#define N_SHAPE 128
#define N_SPAN 64
#define N_CLASS 2258
#define N_FREQ 101
#define ROW_GAZ (1 + N_CLITIC + N_SHAPE)
#define ROW_SPAN (ROW_GAZ + 5 * AR_GZ_NBITS)
#define ROW_CLASS (ROW_SPAN + 3 * N_SPAN)
#define ROW_FREQ (ROW_CLASS + 8 * N_CLASS)
_Static_assert(ROW_FREQ + 3 * N_FREQ == AR_NER_NDENSE, "AR_NER_NDENSE is the number of rows");

/* Each dense template: its template, its first row and its number of values. */
static const struct { int tmpl, row, n; } aDense[N_DENSE] = {
    [D_BIAS] = {T_BIAS, 0, 1},
    [D_CLITIC] = {T_CLITIC, 1, N_CLITIC},
    [D_SHAPE] = {T_SHAPE, 1 + N_CLITIC, N_SHAPE},
    [D_GAZ] = {T_GAZ, ROW_GAZ, AR_GZ_NBITS},
    [D_GAZM1] = {T_GAZM1, ROW_GAZ + AR_GZ_NBITS, AR_GZ_NBITS},
    [D_GAZP1] = {T_GAZP1, ROW_GAZ + 2 * AR_GZ_NBITS, AR_GZ_NBITS},
    [D_GAZM2] = {T_GAZM2, ROW_GAZ + 3 * AR_GZ_NBITS, AR_GZ_NBITS},
    [D_GAZP2] = {T_GAZP2, ROW_GAZ + 4 * AR_GZ_NBITS, AR_GZ_NBITS},
    [D_SPAN] = {T_SPAN, ROW_SPAN, N_SPAN},
    [D_SPANM1] = {T_SPANM1, ROW_SPAN + N_SPAN, N_SPAN},
    [D_SPANP1] = {T_SPANP1, ROW_SPAN + 2 * N_SPAN, N_SPAN},
    [D_CLS] = {T_CLS, ROW_CLASS, N_CLASS},
    [D_CLSM1] = {T_CLSM1, ROW_CLASS + N_CLASS, N_CLASS},
    [D_CLSP1] = {T_CLSP1, ROW_CLASS + 2 * N_CLASS, N_CLASS},
    [D_COARSE] = {T_COARSE, ROW_CLASS + 3 * N_CLASS, N_CLASS},
    [D_COARSEM1] = {T_COARSEM1, ROW_CLASS + 4 * N_CLASS, N_CLASS},
    [D_COARSEP1] = {T_COARSEP1, ROW_CLASS + 5 * N_CLASS, N_CLASS},
    [D_COARSEM2] = {T_COARSEM2, ROW_CLASS + 6 * N_CLASS, N_CLASS},
    [D_COARSEP2] = {T_COARSEP2, ROW_CLASS + 7 * N_CLASS, N_CLASS},
    [D_FREQ] = {T_FREQ, ROW_FREQ, N_FREQ},
    [D_FREQM1] = {T_FREQM1, ROW_FREQ + N_FREQ, N_FREQ},
    [D_FREQP1] = {T_FREQP1, ROW_FREQ + 2 * N_FREQ, N_FREQ},
};

uint32_t ar_ner_dense_key(int row) {
  int k = 0;
  while (k + 1 < N_DENSE && row >= aDense[k + 1].row) k++;
  return mix(aDense[k].tmpl, (uint32_t)(row - aDense[k].row));
}

/* Where the features of a token go: all hashed (training, and any caller
** of ar_ner_features), or the dense ones as rows (aRow non-NULL). The
** order of the hashed ones is the same either way. */
typedef struct Sink {
  uint32_t *aHash;
  int nHash;
  uint16_t *aRow;
  int nRow;
} Sink;

static inline void put(Sink *s, int tmpl, uint32_t v) { s->aHash[s->nHash++] = mix(tmpl, v); }

/* A feature of dense template k and value v (hashed when v is out of its range). */
static inline void put_dense(Sink *s, int k, unsigned v) {
  if (s->aRow && v < (unsigned)aDense[k].n) s->aRow[s->nRow++] = (uint16_t)(aDense[k].row + (int)v);
  else put(s, aDense[k].tmpl, v);
}

static inline void features(const ArNerText *t, int i, Sink *s) {
  const ArNerToken *tok = &t->aTok[i];
  int k;
  unsigned b, u, g, gm1 = gaz_of(t, i - 1), gp1 = gaz_of(t, i + 1), gm2 = gaz_of(t, i - 2), gp2 = gaz_of(t, i + 2);
  put_dense(s, D_BIAS, 0);
  put(s, T_W, tok_hash(t, i, H_W));
  put(s, T_S, tok_hash(t, i, H_S));
  put(s, T_WM1, tok_hash(t, i - 1, H_W));
  put(s, T_WP1, tok_hash(t, i + 1, H_W));
  put(s, T_SM1, tok_hash(t, i - 1, H_S));
  put(s, T_SP1, tok_hash(t, i + 1, H_S));
  for (k = 0; k < 3; k++) {
    put(s, T_PRE1 + k, tok_hash(t, i, H_PRE1 + k));
    put(s, T_SUF1 + k, tok_hash(t, i, H_SUF1 + k));
  }
  put(s, T_PRE4, tok_hash(t, i, H_PRE4));
  put(s, T_SUF4, tok_hash(t, i, H_SUF4));
  put_dense(s, D_CLITIC, (unsigned)(tok->nProc * 4 + tok->nAl + tok->restoreAl));
  put_dense(s, D_SHAPE, tok->shape * 16 + length_bucket(tok->nCp - tok->nProc - tok->nAl));
  g = tok->gaz;
  /* only the bits set on one of the five tokens, in increasing order */
  for (u = (g | gm1 | gp1 | gm2 | gp2) & ((1u << AR_GZ_NBITS) - 1); u; u &= u - 1) {
    b = (unsigned)__builtin_ctz(u);
    if (g & (1u << b)) put_dense(s, D_GAZ, b);
    if (gm1 & (1u << b)) put_dense(s, D_GAZM1, b);
    if (gp1 & (1u << b)) put_dense(s, D_GAZP1, b);
    if (gm2 & (1u << b)) put_dense(s, D_GAZM2, b);
    if (gp2 & (1u << b)) put_dense(s, D_GAZP2, b);
  }
  put_dense(s, D_SPAN, span_of(t, i));
  put_dense(s, D_SPANM1, span_of(t, i - 1));
  put_dense(s, D_SPANP1, span_of(t, i + 1));
  if (i > 0) {
    put(s, T_BIGRAM_L, tok_hash(t, i - 1, H_S) * 0x01000193u ^ tok_hash(t, i, H_S));
    put(s, T_SUF2M1, tok_hash(t, i - 1, H_SUF2));
  }
  if (i + 1 < t->nTok) {
    put(s, T_BIGRAM_R, tok_hash(t, i, H_S) * 0x01000193u ^ tok_hash(t, i + 1, H_S));
    put(s, T_SUF2P1, tok_hash(t, i + 1, H_SUF2));
    put(s, T_PRE2P1, tok_hash(t, i + 1, H_PRE2));
  }
  put(s, T_KEY, tok_hash(t, i, H_KEY));
  put(s, T_WPRE2, tok_hash(t, i, H_WPRE2));
  {
    unsigned c0 = class_of(t, i), cm1 = class_of(t, i - 1), cp1 = class_of(t, i + 1);
    put_dense(s, D_CLS, c0);
    put_dense(s, D_CLSM1, cm1);
    put_dense(s, D_CLSP1, cp1);
    put_dense(s, D_COARSE, coarse_of(t, i));
    put_dense(s, D_COARSEM1, coarse_of(t, i - 1));
    put_dense(s, D_COARSEP1, coarse_of(t, i + 1));
    put_dense(s, D_COARSEM2, coarse_of(t, i - 2));
    put_dense(s, D_COARSEP2, coarse_of(t, i + 2));
    put(s, T_CLS_BIGRAM_L, cm1 * 4099u + c0);
    put(s, T_CLS_BIGRAM_R, c0 * 4099u + cp1);
  }
  put_dense(s, D_FREQ, freq_of(t, i));
  put_dense(s, D_FREQM1, freq_of(t, i - 1));
  put_dense(s, D_FREQP1, freq_of(t, i + 1));
}


int ar_ner_features(const ArNerText *t, int i, uint32_t *a) {
  Sink s = {a, 0, 0, 0};
  features(t, i, &s);
  return s.nHash;
}

int ar_ner_features_split(const ArNerText *t, int i, uint32_t *aHash, uint16_t *aRow, int *pnRow) {
  Sink s = {aHash, 0, aRow, 0};
  features(t, i, &s);
  *pnRow = s.nRow;
  return s.nHash;
}

uint32_t ar_ner_word_feature(const ArNerText *t, int i) { return mix(T_W, tok_hash(t, i, H_W)); }
uint32_t ar_ner_class_feature(const ArNerText *t, int i) { return mix(T_CLS, class_of(t, i)); }
uint32_t ar_ner_lexicon_class_feature(uint32_t lex) { return mix(T_CLS, lex ? (unsigned)AR_LEXICON_CLASS(lex) : 1999u); }

/* Words whose reading is the phrase's, not the text's, have no key: a
** trigger (الاتحاد of الاتحاد الأوروبي is not an organization in في الاتحاد
** كايا كالاس), a title, a country's adjective, a month. */
uint32_t ar_ner_doc_key(const ArNerText *t, int i) {
  const unsigned phrase = AR_GZ_TITLE | AR_GZ_SPEECH | AR_GZ_ORG_TRIGGER | AR_GZ_LOC_TRIGGER | AR_GZ_MONTH |
                          AR_GZ_WEEKDAY | AR_GZ_COUNTRY_ADJ;
  return t->aTok[i].isWord && !(t->aTok[i].gaz & phrase) ? tok_hash(t, i, H_S) | 1u : 0;
}

int ar_ner_doc_features(const int *aOther, uint32_t *a) {
  int n = 0, type, major = 0, total = 0;
  for (type = 0; type < AR_NER_DOC_TYPES; type++) {
    total += aOther[type];
    if (aOther[type] > aOther[major]) major = type;
  }
  if (!total) return 0;
  a[n++] = mix(T_DOC_MAJORITY, (unsigned)(major * 2 + (aOther[major] == total)));
  for (type = 1; type < AR_NER_DOC_TYPES; type++) {
    if (aOther[type]) a[n++] = mix(T_DOC_SEEN, (unsigned)type);
  }
  return n;
}
