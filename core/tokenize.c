/*
** The Arabic tokenizer core (see tokenize.h).
*/
#include "tokenize.h"

#include <string.h>

#include "namekey.h"
#include "stem.h"
#include "utf8.h"

/* Word state, on the caller's stack. */
typedef struct Word {
  uint32_t cp[AR_MAX_TOKEN_CHARS];       /* folded code points (the first ones) */
  int n;                                 /* how many are stored */
  char z[AR_MAX_TOKEN_CHARS * 4];        /* the same, UTF-8 encoded */
  int off[AR_MAX_TOKEN_CHARS + 1];       /* where cp[i] starts in z; off[n] is the end */
  int group;                       /* script group: GROUP_ARABIC or GROUP_OTHER */
  int iStart, iEnd;                /* byte range in the input */
  int tilde;                       /* a '~' came right before (query name-key syntax) */
  uint32_t lastSrc;                /* last input code point, for hamza composition */
} Word;

#define GROUP_NONE   0
#define GROUP_ARABIC 1
#define GROUP_OTHER  2

static int group_of(int cls) { return cls == AR_CLS_ARABIC ? GROUP_ARABIC : GROUP_OTHER; }

static int emit_form(void *pCtx, ArTokenFn xToken, int tflags, ArForm f, const Word *w) {
  return xToken(pCtx, tflags, w->z + w->off[f.start], w->off[f.start + f.len] - w->off[f.start],
                w->iStart, w->iEnd);
}

/* Emit '~' + the name key of form f (variants 1). *pPrev holds the previous
** key emitted for this word, so a key shared by two readings is emitted once. */
static int emit_name_key(void *pCtx, ArTokenFn xToken, int tflags, ArForm f, const Word *w,
                         uint32_t *aPrev, int *pnPrev) {
  uint32_t key[AR_MAX_TOKEN_CHARS];
  char z[1 + AR_MAX_TOKEN_CHARS * 4];
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

static int emit_word(const ArTokenizer *t, void *pCtx, int flags, int isLast, const Word *w,
                     ArTokenFn xToken) {
  ArForm whole = {0, w->n};
  int stem = t->opts.stem && w->group == GROUP_ARABIC;
  if (w->n == 0) return 0;
  if (t->opts.stopwords && w->group == GROUP_ARABIC && ar_is_stop_word(w->cp, w->n)) return 0;

  if (flags & AR_TOKENIZE_QUERY) {
    if ((flags & AR_TOKENIZE_PREFIX) && isLast) return emit_form(pCtx, xToken, 0, whole, w);
    {
      ArForm f = stem ? ar_stem_search_form(w->cp, w->n) : whole;
      if (w->tilde && t->opts.variants && w->group == GROUP_ARABIC) {
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
    if (t->opts.variants && w->group == GROUP_ARABIC) {
      uint32_t aPrev[AR_MAX_TOKEN_CHARS];
      int nPrev = 0;
      for (i = 0; rc == 0 && i < nForm; i++) {
        rc = emit_name_key(pCtx, xToken, AR_TOKEN_COLOCATED, aForm[i], w, aPrev, &nPrev);
      }
    }
    return rc;
  }
}

static inline void append_cp(Word *w, uint32_t c) {
  int n = w->n, pos = w->off[n];
  if (n >= AR_MAX_TOKEN_CHARS) return;
  w->cp[n] = c;
  if (c - 0x80u < 0x780u) { /* two bytes: every Arabic letter */
    w->z[pos] = (char)(0xC0 | (c >> 6));
    w->z[pos + 1] = (char)(0x80 | (c & 0x3F));
    pos += 2;
  } else {
    pos += ar_utf8_encode(c, (unsigned char *)w->z + pos);
  }
  w->off[n + 1] = pos;
  w->n = n + 1;
}

void ar_tokenizer_init(ArTokenizer *t, const ArOptions *opts) {
  t->opts = *opts;
  ar_normalizer_init(&t->norm, opts->folds);
}

int ar_tokenize(const ArTokenizer *t, void *pCtx, int flags, const char *zText, int nText,
                ArTokenFn xToken) {
  const unsigned char *z = (const unsigned char *)zText;
  const ArNormalizer *norm = &t->norm;
  Word aWord[2];
  Word *cur = &aWord[0];  /* the word being read */
  Word *prev = &aWord[1]; /* the last finished word, emitted one word late so
                          ** that the last word of a prefix query is known */
  int inWord = 0, havePrev = 0, tilde = 0, rc = 0, i = 0;
  uint32_t out[AR_MAX_EXPANSION];

  while (i < nText) {
    int iChar = i, cls, k;
    uint32_t c = z[i] < 0x80 ? z[i++] : ar_utf8_decode(z, nText, &i);
    uint32_t composed;

    if (inWord && c - 0x0653u <= 2u && (composed = ar_compose_hamza(cur->lastSrc, c)) != 0 &&
        cur->n > 0) {
      /* A decomposed hamza or madda: fold the composed letter instead. */
      cur->n--; /* off[n] still marks where the removed letter began */
      c = composed;
    }
    k = ar_norm_map(norm, c, out, &cls);

    if (cls == AR_CLS_SEP) {
      if (inWord) {
        inWord = 0;
        if (havePrev && (rc = emit_word(t, pCtx, flags, 0, prev, xToken)) != 0) return rc;
        { Word *w = prev; prev = cur; cur = w; }
        havePrev = 1;
      }
      tilde = (c == AR_NAME_KEY_MARK);
      continue;
    }
    if (cls == AR_CLS_JOIN) {
      if (inWord) {
        if (k == 1) append_cp(cur, out[0]);
        cur->iEnd = i;
        cur->lastSrc = c;
      }
      continue;
    }
    if (inWord && group_of(cls) != cur->group) {
      inWord = 0;
      if (havePrev && (rc = emit_word(t, pCtx, flags, 0, prev, xToken)) != 0) return rc;
      { Word *w = prev; prev = cur; cur = w; }
      havePrev = 1;
    }
    if (!inWord) {
      inWord = 1;
      cur->n = 0;
      cur->off[0] = 0;
      cur->group = group_of(cls);
      cur->iStart = iChar;
      cur->tilde = tilde;
    }
    tilde = 0;
    if (k == 1) {
      append_cp(cur, out[0]);
    } else {
      int j;
      for (j = 0; j < k; j++) {
        /* An expansion may hold a space (U+FDFA): keep the letters only. */
        if (ar_char_class(norm, out[j]) != AR_CLS_SEP) append_cp(cur, out[j]);
      }
    }
    cur->lastSrc = c;
    if (cur->group == GROUP_ARABIC) {
      /* The common case, without the general path: more two-byte Arabic
      ** letters (U+0600..U+06FF) that fold to one letter. */
      int nCp = cur->n, pos = cur->off[nCp];
      while (i + 1 < nText && (z[i] & 0xFC) == 0xD8 && (z[i + 1] & 0xC0) == 0x80) {
        uint32_t d = ((uint32_t)(z[i] & 0x1F) << 6) | (z[i + 1] & 0x3F);
        uint32_t e = norm->table[d], f = e & AR_T_CP_MASK;
        if ((e & (AR_T_SPECIAL | (7u << AR_T_CLS_SHIFT))) != ((uint32_t)AR_CLS_ARABIC << AR_T_CLS_SHIFT)) break;
        if (nCp < AR_MAX_TOKEN_CHARS) { /* f is an Arabic letter: two bytes */
          cur->cp[nCp] = f;
          cur->z[pos] = (char)(0xC0 | (f >> 6));
          cur->z[pos + 1] = (char)(0x80 | (f & 0x3F));
          pos += 2;
          cur->off[++nCp] = pos;
        }
        cur->lastSrc = d;
        i += 2;
      }
      cur->n = nCp;
    }
    cur->iEnd = i;
  }
  if (inWord) {
    if (havePrev && (rc = emit_word(t, pCtx, flags, 0, prev, xToken)) != 0) return rc;
    return emit_word(t, pCtx, flags, 1, cur, xToken);
  }
  if (havePrev) return emit_word(t, pCtx, flags, 1, prev, xToken);
  return 0;
}
