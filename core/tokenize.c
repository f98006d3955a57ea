/*
** The Arabic tokenizer core (see tokenize.h).
*/
#include "tokenize.h"

#include <string.h>

#include "namekey.h"
#include "stem.h"
#include "segment.h"
#include "utf8.h"

static int emit_form(void *pCtx, ArTokenFn xToken, int tflags, ArForm f, const ArWord *w) {
  return xToken(pCtx, tflags, w->z + w->off[f.start], w->off[f.start + f.len] - w->off[f.start],
                w->iStart, w->iEnd);
}

/* Emit '~' + the name key of form f (variants 1). *pPrev holds the previous
** key emitted for this word, so a key shared by two readings is emitted once. */
static int emit_name_key(void *pCtx, ArTokenFn xToken, int tflags, ArForm f, const ArWord *w,
                         uint32_t *aPrev, int *pnPrev) {
  uint32_t key[AR_MAX_WORD_CHARS];
  char z[1 + AR_MAX_WORD_CHARS * 4];
  int nKey = ar_name_key(w->cp + f.start, f.len, key), nz = 1, i;
  if (nKey == 0) return 0;
  if (aPrev) {
    if (nKey == *pnPrev && memcmp(key, aPrev, (size_t)nKey * sizeof(uint32_t)) == 0) return 0;
    memcpy(aPrev, key, (size_t)nKey * sizeof(uint32_t));
    *pnPrev = nKey;
  }
  z[0] = AR_NAME_KEY_MARK;
  for (i = 0; i < nKey; i++) nz += ar_utf8_encode(key[i], (unsigned char *)z + nz);
  return xToken(pCtx, tflags, z, nz, w->iStart, w->iEnd);
}

static int emit_word(const ArTokenizer *t, void *pCtx, int flags, int isLast, const ArWord *w,
                     ArTokenFn xToken) {
  ArForm whole = {0, w->n};
  int stem = t->opts.stem && w->group == AR_GROUP_ARABIC;
  if (w->n == 0) return 0;
  if (t->opts.stopwords && w->group == AR_GROUP_ARABIC && ar_is_stop_word(w->cp, w->n)) return 0;

  if (flags & AR_TOKENIZE_QUERY) {
    if ((flags & AR_TOKENIZE_PREFIX) && isLast) return emit_form(pCtx, xToken, 0, whole, w);
    {
      ArForm f = stem ? ar_stem_search_form(w->cp, w->n) : whole;
      if (w->before == AR_NAME_KEY_MARK && t->opts.variants && w->group == AR_GROUP_ARABIC) {
        return emit_name_key(pCtx, xToken, 0, f, w, 0, 0);
      }
      return emit_form(pCtx, xToken, 0, f, w);
    }
  }

  /* DOCUMENT and AUX: the surface, then every other reading, then (variants
  ** 1) the name key of each reading. */
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
        rc = emit_name_key(pCtx, xToken, AR_TOKEN_COLOCATED, aForm[i], w, aPrev, &nPrev);
      }
    }
    return rc;
  }
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
    if (havePrev && (rc = emit_word(t, pCtx, flags, 0, prev, xToken)) != 0) return rc;
    { ArWord *w = prev; prev = cur; cur = w; }
    havePrev = 1;
  }
  return havePrev ? emit_word(t, pCtx, flags, 1, prev, xToken) : 0;
}
