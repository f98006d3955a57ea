/*
** Features of the entity tagger (ner.h): the same code at training time
** (tools/train_ner.c) and at run time, hashed to 32 bits. A feature is a
** template number and a string: the word, its form without proclitics, its
** neighbours, its first and last letters, its shape, the gazetteer lists it
** belongs to and the gazetteer names around it. Bump
** AR_NER_FEATURES_VERSION when any of this changes: the model records it.
*/
#include <string.h>

#include "ner.h"
#include "utf8.h"

enum {
  T_BIAS = 1, T_W, T_S, T_WM1, T_WP1, T_WM2, T_WP2, T_SM1, T_SP1, T_PRE1, T_PRE2, T_PRE3,
  T_SUF1, T_SUF2, T_SUF3, T_CLITIC, T_SHAPE, T_SHAPE_CTX, T_GAZ, T_GAZM1, T_GAZP1, T_GAZM2,
  T_SPAN, T_SPANM1, T_SPANP1, T_BIGRAM_L, T_BIGRAM_R, T_KEY, T_SUF2M1, T_SUF2P1, T_PRE2P1, T_PRE4, T_SUF4, T_SM2, T_SP2, T_CTX, T_WPRE2, T_LEN
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

static uint32_t feat_start(int tmpl) {
  unsigned char b = (unsigned char)tmpl;
  return fnv(FNV32_INIT, &b, 1);
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

static uint32_t feat_tok(int tmpl, const ArNerText *t, int j, int stem) {
  uint32_t h = feat_start(tmpl);
  const ArNerToken *tok;
  const char *z;
  int n;
  if (j < 0) return fnv(h, "^", 1);
  if (j >= t->nTok) return fnv(h, "$", 1);
  tok = &t->aTok[j];
  if (stem) z = stem_of(t, tok, &n);
  else z = t->zFold + tok->iFold, n = tok->nFold;
  return fnv(h, z, n);
}

static uint32_t feat_int(int tmpl, unsigned v) {
  uint32_t h = feat_start(tmpl);
  return fnv(h, &v, sizeof(v));
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

static unsigned length_bucket(int n) {
  return n <= 3 ? (unsigned)n : n <= 5 ? 4u : n <= 8 ? 5u : 6u;
}

int ar_ner_features(const ArNerText *t, int i, uint32_t *a) {
  const ArNerToken *tok = &t->aTok[i];
  const char *zStem, *zL, *zR;
  int n = 0, nStem, k, nL, nR;
  unsigned b, g;
  zStem = stem_of(t, tok, &nStem);
  a[n++] = feat_start(T_BIAS);
  a[n++] = feat_tok(T_W, t, i, 0);
  a[n++] = feat_tok(T_S, t, i, 1);
  a[n++] = feat_tok(T_WM1, t, i - 1, 0);
  a[n++] = feat_tok(T_WP1, t, i + 1, 0);
  a[n++] = feat_tok(T_WM2, t, i - 2, 0);
  a[n++] = feat_tok(T_WP2, t, i + 2, 0);
  a[n++] = feat_tok(T_SM1, t, i - 1, 1);
  a[n++] = feat_tok(T_SP1, t, i + 1, 1);
  for (k = 1; k <= 3; k++) {
    a[n++] = fnv(feat_start(T_PRE1 + k - 1), zStem, head_bytes(zStem, nStem, k));
    a[n++] = fnv(feat_start(T_SUF1 + k - 1), zStem + nStem - tail_bytes(zStem, nStem, k),
                 tail_bytes(zStem, nStem, k));
  }
  a[n++] = feat_int(T_CLITIC, (unsigned)(tok->nProc * 4 + tok->nAl + tok->restoreAl));
  a[n++] = feat_int(T_SHAPE, tok->shape * 16 + length_bucket(tok->nCp - tok->nProc - tok->nAl));
  a[n++] = feat_int(T_SHAPE_CTX, (i > 0 ? t->aTok[i - 1].shape : 0) * 16 +
                                     (i + 1 < t->nTok ? t->aTok[i + 1].shape : 0));
  g = tok->gaz;
  for (b = 0; b < AR_GZ_NBITS; b++) {
    if (g & (1u << b)) a[n++] = feat_int(T_GAZ, b);
    if (gaz_of(t, i - 1) & (1u << b)) a[n++] = feat_int(T_GAZM1, b);
    if (gaz_of(t, i + 1) & (1u << b)) a[n++] = feat_int(T_GAZP1, b);
    if (gaz_of(t, i - 2) & (1u << b)) a[n++] = feat_int(T_GAZM2, b);
  }
  a[n++] = feat_int(T_SPAN, span_of(t, i));
  a[n++] = feat_int(T_SPANM1, span_of(t, i - 1));
  a[n++] = feat_int(T_SPANP1, span_of(t, i + 1));
  {
    uint32_t h;
    if (i > 0) {
      zL = stem_of(t, &t->aTok[i - 1], &nL);
      h = fnv(feat_start(T_BIGRAM_L), zL, nL);
      a[n++] = fnv(fnv(h, "|", 1), zStem, nStem);
      a[n++] = fnv(feat_start(T_SUF2M1), zL + nL - tail_bytes(zL, nL, 2), tail_bytes(zL, nL, 2));
    }
    if (i + 1 < t->nTok) {
      zR = stem_of(t, &t->aTok[i + 1], &nR);
      h = fnv(feat_start(T_BIGRAM_R), zStem, nStem);
      a[n++] = fnv(fnv(h, "|", 1), zR, nR);
      a[n++] = fnv(feat_start(T_SUF2P1), zR + nR - tail_bytes(zR, nR, 2), tail_bytes(zR, nR, 2));
      a[n++] = fnv(feat_start(T_PRE2P1), zR, head_bytes(zR, nR, 2));
    }
  }
  a[n++] = fnv(feat_start(T_KEY), t->zFold + tok->iKey, tok->nKey);
  a[n++] = fnv(feat_start(T_PRE4), zStem, head_bytes(zStem, nStem, 4));
  a[n++] = fnv(feat_start(T_SUF4), zStem + nStem - tail_bytes(zStem, nStem, 4), tail_bytes(zStem, nStem, 4));
  a[n++] = feat_tok(T_SM2, t, i - 2, 1);
  a[n++] = feat_tok(T_SP2, t, i + 2, 1);
  {
    uint32_t h = feat_tok(T_CTX, t, i - 1, 1);
    uint32_t r = feat_tok(T_CTX, t, i + 1, 1);
    a[n++] = h ^ (r * 31u);
  }
  a[n++] = fnv(feat_start(T_WPRE2), t->zFold + tok->iFold, head_bytes(t->zFold + tok->iFold, tok->nFold, 2));
  return n;
}
