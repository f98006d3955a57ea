/*
** The Arabic tokenizer core (see tokenize.h).
*/
#include "tokenize.h"

#include <string.h>

#include "namekey.h"
#include "stem.h"
#include "segment.h"
#include "utf8.h"

/* The letters of form f of word w (its tail included), as code points and
** as UTF-8. */
typedef struct FormText {
  uint32_t cp[AR_MAX_WORD_CHARS + 1];
  int n;
  char z[(AR_MAX_WORD_CHARS + 1) * 4];
  int nz;
} FormText;

static void form_text(const ArWord *w, ArForm f, FormText *out) {
  int nz = w->off[f.start + f.len] - w->off[f.start];
  memcpy(out->cp, w->cp + f.start, (size_t)f.len * sizeof(uint32_t));
  memcpy(out->z, w->z + w->off[f.start], (size_t)nz);
  out->n = f.len;
  if (f.tail) {
    out->cp[out->n++] = f.tail;
    nz += ar_utf8_encode(f.tail, (unsigned char *)out->z + nz);
  }
  out->nz = nz;
}

static int emit_form(void *pCtx, ArTokenFn xToken, int tflags, ArForm f, const ArWord *w) {
  if (f.tail) {
    FormText t;
    form_text(w, f, &t);
    return xToken(pCtx, tflags, t.z, t.nz, w->iStart, w->iEnd);
  }
  return xToken(pCtx, tflags, w->z + w->off[f.start], w->off[f.start + f.len] - w->off[f.start],
                w->iStart, w->iEnd);
}

/* The name key of the letters cp[0..n) into key[]; its length. Format 1
** indexes ar_name_key(), format 2 the search key. */
static int key_of(const ArTokenizer *t, const uint32_t *cp, int n, uint32_t *key) {
  return t->opts.version == 1 ? ar_name_key(cp, n, key) : ar_name_key_search(cp, n, key);
}

static int same_letters(const uint32_t *a, int na, const uint32_t *b, int nb) {
  return na == nb && memcmp(a, b, (size_t)na * sizeof(uint32_t)) == 0;
}

/* Emit '~' + key[0..nKey) (variants 1). */
static int emit_key(void *pCtx, ArTokenFn xToken, int tflags, const uint32_t *key, int nKey, const ArWord *w) {
  char z[1 + (AR_MAX_WORD_CHARS + 1) * 4];
  int nz = 1, i;
  z[0] = AR_NAME_KEY_MARK;
  for (i = 0; i < nKey; i++) nz += ar_utf8_encode(key[i], (unsigned char *)z + nz);
  return xToken(pCtx, tflags, z, nz, w->iStart, w->iEnd);
}

/* Version 1: emit '~' + the name key of form f. *pPrev holds the previous
** key emitted for this word, so a key shared by two readings is emitted once. */
static int emit_name_key(const ArTokenizer *t, void *pCtx, ArTokenFn xToken, int tflags, ArForm f,
                         const ArWord *w, uint32_t *aPrev, int *pnPrev) {
  uint32_t key[AR_MAX_WORD_CHARS];
  int nKey = key_of(t, w->cp + f.start, f.len, key);
  if (nKey == 0) return 0;
  if (aPrev) {
    if (same_letters(key, nKey, aPrev, *pnPrev)) return 0;
    memcpy(aPrev, key, (size_t)nKey * sizeof(uint32_t));
    *pnPrev = nKey;
  }
  return emit_key(pCtx, xToken, tflags, key, nKey, w);
}

static int emit_word_v1(const ArTokenizer *t, void *pCtx, int flags, int isLast, const ArWord *w,
                        ArTokenFn xToken) {
  ArForm whole = {0, w->n, 0};
  int stem = t->opts.stem && w->group == AR_GROUP_ARABIC;

  if (flags & AR_TOKENIZE_QUERY) {
    if ((flags & AR_TOKENIZE_PREFIX) && isLast) return emit_form(pCtx, xToken, 0, whole, w);
    {
      ArForm f = stem ? ar_stem_search_form(w->cp, w->n) : whole;
      if (w->before == AR_NAME_KEY_MARK && t->opts.variants && w->group == AR_GROUP_ARABIC) {
        return emit_name_key(t, pCtx, xToken, 0, f, w, 0, 0);
      }
      return emit_form(pCtx, xToken, 0, f, w);
    }
  }

  /* DOCUMENT: the surface, then every other reading, then (variants 1) the
  ** name key of each reading. */
  {
    ArForm aForm[AR_STEM_MAX_FORMS];
    int nForm = 1, i, rc = emit_form(pCtx, xToken, 0, whole, w);
    aForm[0] = whole;
    if (rc == 0 && stem) {
      nForm = ar_stem_document_forms(w->cp, w->n, aForm);
      for (i = 0; rc == 0 && i < nForm; i++) {
        if (aForm[i].len == w->n) continue; /* the surface itself */
        rc = emit_form(pCtx, xToken, AR_TOKEN_COLOCATED, aForm[i], w);
      }
    }
    if (t->opts.variants && w->group == AR_GROUP_ARABIC) {
      uint32_t aPrev[AR_MAX_WORD_CHARS];
      int nPrev = 0;
      for (i = 0; rc == 0 && i < nForm; i++) {
        rc = emit_name_key(t, pCtx, xToken, AR_TOKEN_COLOCATED, aForm[i], w, aPrev, &nPrev);
      }
    }
    return rc;
  }
}

/* True if the last letter of w was written ة (the folds may have made it ه). */
static int written_teh_marbuta(const ArWord *w, const char *zText, int nText) {
  uint32_t last = w->cp[w->n - 1], c;
  int i = w->src[w->n - 1];
  if (last != 0x0647 && last != 0x0629) return 0;
  c = ar_utf8_decode((const unsigned char *)zText, nText, &i);
  return c == 0x0629 || c == 0xFE93 || c == 0xFE94;
}

/* Version 2, variants 1: the name keys of the forms, for a query after '~'
** or a document word. A document indexes '~' + the key of a form only when
** the key is not the form itself; so a query looks up '~' + key and, when
** the key is its own key (a word spelled like it is a form of every word
** with that key), the key as a plain term. */
static int emit_keys_v2(const ArTokenizer *t, void *pCtx, ArTokenFn xToken, int isQuery, int tflags, const ArForm *aForm, int nForm,
                        const ArWord *w) {
  uint32_t aKey[AR_STEM_MAX_FORMS][AR_MAX_WORD_CHARS + 1];
  int anKey[AR_STEM_MAX_FORMS], i, j, rc = 0;
  for (i = 0; rc == 0 && i < nForm; i++) {
    FormText f;
    form_text(w, aForm[i], &f);
    anKey[i] = key_of(t, f.cp, f.n, aKey[i]);
    for (j = 0; j < i && !same_letters(aKey[i], anKey[i], aKey[j], anKey[j]); j++) {
    }
    if (j < i || anKey[i] == 0) continue; /* a key already emitted */
    if (isQuery) {
      uint32_t again[AR_MAX_WORD_CHARS + 1];
      rc = emit_key(pCtx, xToken, tflags, aKey[i], anKey[i], w);
      tflags = AR_TOKEN_COLOCATED;
      if (rc == 0 && same_letters(again, key_of(t, aKey[i], anKey[i], again), aKey[i], anKey[i])) {
        char z[(AR_MAX_WORD_CHARS + 1) * 4];
        int nz = 0, k;
        for (k = 0; k < anKey[i]; k++) nz += ar_utf8_encode(aKey[i][k], (unsigned char *)z + nz);
        rc = xToken(pCtx, tflags, z, nz, w->iStart, w->iEnd);
      }
    } else if (!same_letters(aKey[i], anKey[i], f.cp, f.n)) {
      rc = emit_key(pCtx, xToken, tflags, aKey[i], anKey[i], w);
    }
  }
  return rc;
}

static int emit_word_v2(const ArTokenizer *t, void *pCtx, int flags, int isLast, const ArWord *w,
                        const char *zText, int nText, ArTokenFn xToken) {
  ArForm aForm[AR_STEM_MAX_FORMS];
  int nForm = 1, i, rc = 0, side;
  int arabic = w->group == AR_GROUP_ARABIC;
  aForm[0].start = 0;
  aForm[0].len = w->n;
  aForm[0].tail = 0;
  if (!(flags & AR_TOKENIZE_QUERY)) side = AR_STEM_DOCUMENT;
  else if ((flags & AR_TOKENIZE_PREFIX) && isLast) side = AR_STEM_PREFIX;
  else side = AR_STEM_QUERY;
  if (t->opts.stem && arabic && w->n > AR_STEM_MIN_AFFIXED) {
    ArStemWord s;
    s.w = w->cp;
    s.n = w->n;
    s.tehMarbuta = written_teh_marbuta(w, zText, nText);
    s.teh = (t->opts.folds & AR_FOLD_TEH_MARBUTA) ? 0x0647 : 0x0629;
    nForm = ar_stem_forms(&s, side, aForm);
  }
  if (side == AR_STEM_QUERY && w->before == AR_NAME_KEY_MARK && t->opts.variants && arabic) {
    return emit_keys_v2(t, pCtx, xToken, 1, 0, aForm, nForm, w);
  }
  for (i = 0; rc == 0 && i < nForm; i++) rc = emit_form(pCtx, xToken, i ? AR_TOKEN_COLOCATED : 0, aForm[i], w);
  if (rc == 0 && side == AR_STEM_DOCUMENT && t->opts.variants && arabic) {
    rc = emit_keys_v2(t, pCtx, xToken, 0, AR_TOKEN_COLOCATED, aForm, nForm, w);
  }
  return rc;
}

static int emit_word(const ArTokenizer *t, void *pCtx, int flags, int isLast, const ArWord *w, const char *zText,
                     int nText, ArTokenFn xToken) {
  if (w->n == 0) return 0;
  if (t->opts.stopwords && w->group == AR_GROUP_ARABIC && ar_is_stop_word(w->cp, w->n)) return 0;
  /* Auxiliary functions (highlight, snippet, bm25) read positions and byte
  ** offsets, never a token's text nor a colocated token: AUX gives one token
  ** per DOCUMENT position, the folded word as written, without stemming it
  ** (half the cost of the DOCUMENT stream). */
  if (flags & AR_TOKENIZE_AUX) {
    ArForm whole;
    whole.start = 0;
    whole.len = w->n;
    whole.tail = 0;
    return emit_form(pCtx, xToken, 0, whole, w);
  }
  if (t->opts.version == 1) return emit_word_v1(t, pCtx, flags, isLast, w, xToken);
  return emit_word_v2(t, pCtx, flags, isLast, w, zText, nText, xToken);
}

void ar_tokenizer_init(ArTokenizer *t, const ArOptions *opts) {
  t->opts = *opts;
  ar_normalizer_init(&t->norm, opts->folds);
}

int ar_tokenize(const ArTokenizer *t, void *pCtx, int flags, const char *zText, int nText,
                ArTokenFn xToken) {
  ArSegmenter seg;
  ArWord aWord[2];
  ArWord *cur = &aWord[0];  /* the word being read */
  ArWord *prev = &aWord[1]; /* the last word read, emitted one word late so
                            ** that the last word of a prefix query is known */
  int havePrev = 0, rc = 0;
  ar_segmenter_init(&seg, &t->norm, zText, nText, 0);
  while (ar_segment_next(&seg, cur) == AR_SEG_WORD) {
    if (havePrev && (rc = emit_word(t, pCtx, flags, 0, prev, zText, nText, xToken)) != 0) return rc;
    { ArWord *w = prev; prev = cur; cur = w; }
    havePrev = 1;
  }
  return havePrev ? emit_word(t, pCtx, flags, 1, prev, zText, nText, xToken) : 0;
}
