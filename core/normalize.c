/*
** The Arabic normalization core (see normalize.h for the contract).
*/
#include "normalize.h"

#include <string.h>
#include <utf8proc.h>

#include "alloc.h"
#include "utf8.h"

static int is_arabic_mark(uint32_t c) {
  return (c >= 0x0610 && c <= 0x061A) || (c >= 0x064B && c <= 0x065F) || c == 0x0670 ||
         (c >= 0x06D6 && c <= 0x06DC) || (c >= 0x06DF && c <= 0x06E8) ||
         (c >= 0x06EA && c <= 0x06ED) || (c >= 0x08D3 && c <= 0x08FF && c != 0x08E2);
}

static int is_invisible(uint32_t c) {
  return c == 0x00AD || c == 0x061C || (c >= 0x200B && c <= 0x200F) ||
         (c >= 0x202A && c <= 0x202E) || (c >= 0x2060 && c <= 0x2064) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0xFEFF;
}

static int is_arabic_letter_block(uint32_t c) {
  return (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) ||
         (c >= 0x0870 && c <= 0x08FF) || (c >= 0xFB50 && c <= 0xFDFF) ||
         (c >= 0xFE70 && c <= 0xFEFF);
}

static int is_latin(uint32_t c) {
  return (c >= 0x00C0 && c <= 0x024F) || (c >= 0x1E00 && c <= 0x1EFF);
}

static int is_presentation_form(uint32_t c) {
  return (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFE) ||
         (c >= 0x0675 && c <= 0x0678);
}

/* Class from the Unicode general category, before any fold. */
static int class_of(uint32_t c) {
  if (c == 0x0640 || c == 0x06E5 || c == 0x06E6) return AR_CLS_JOIN; /* tatweel, small waw/yeh */
  if (is_invisible(c)) return AR_CLS_JOIN;
  switch (utf8proc_category((utf8proc_int32_t)c)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
      return is_arabic_letter_block(c) ? AR_CLS_ARABIC : AR_CLS_LETTER;
    case UTF8PROC_CATEGORY_CO:
      return AR_CLS_LETTER;
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO:
      return AR_CLS_DIGIT;
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
      return AR_CLS_JOIN;
    case UTF8PROC_CATEGORY_CF:
      /* U+0600..U+0605 (number signs) and U+06DD (end of ayah) stand alone. */
      return AR_CLS_SEP;
    default:
      return AR_CLS_SEP;
  }
}

/* The Arabic letter folds, one code point to one. */
static uint32_t fold_arabic(uint32_t c, unsigned f) {
  if (f & AR_FOLD_ALEF) {
    if (c == 0x0622 || c == 0x0623 || c == 0x0625 || (c >= 0x0671 && c <= 0x0673)) return 0x0627;
  }
  if (f & AR_FOLD_PERSIAN) {
    switch (c) {
      case 0x06A9: case 0x06AA: return 0x0643;          /* keheh, swash kaf -> kaf */
      /* 06D3 and 06C2 too: they are what 06D2 and 06C1 compose to with a
      ** following hamza above (ar_compose_hamza), so both spellings fold alike. */
      case 0x06CC: case 0x06D2: case 0x06D3: case 0x06D0: c = 0x064A; break; /* Farsi yeh, yeh barree */
      case 0x06C0: case 0x06C1: case 0x06C2: case 0x06D5: case 0x06BE: return 0x0647;
      case 0x06C3: c = 0x0629; break;                    /* teh marbuta goal */
      case 0x06BA: return 0x0646;                        /* noon ghunna */
      default: break;
    }
  }
  if ((f & AR_FOLD_YEH) && c == 0x0649) return 0x064A;
  if ((f & AR_FOLD_TEH_MARBUTA) && c == 0x0629) return 0x0647;
  if (f & AR_FOLD_HAMZA) {
    if (c == 0x0624) return 0x0648;
    if (c == 0x0626) return 0x064A;
  }
  if (f & AR_FOLD_DIGITS) {
    if (c >= 0x0660 && c <= 0x0669) return '0' + (c - 0x0660);
    if (c >= 0x06F0 && c <= 0x06F9) return '0' + (c - 0x06F0);
  }
  return c;
}

/* A Latin letter without its diacritics: the first code point of its NFD. */
static uint32_t latin_base(uint32_t c) {
  utf8proc_int32_t buf[8];
  int last = 0;
  utf8proc_ssize_t k = utf8proc_decompose_char((utf8proc_int32_t)c, buf, 8, UTF8PROC_DECOMPOSE, &last);
  if (k >= 1 && k <= 8 && buf[0] < 0x250) return (uint32_t)buf[0];
  return c;
}

/* Fold a single code point that has no expansion; *pDrop set if removed. */
static uint32_t fold_simple(uint32_t c, int cls, unsigned f, int *pDrop) {
  *pDrop = 0;
  if (cls == AR_CLS_JOIN) {
    if (c == 0x0640) *pDrop = (f & AR_FOLD_TATWEEL) != 0;
    else if (is_arabic_mark(c) || c == 0x06E5 || c == 0x06E6) *pDrop = (f & AR_FOLD_DIACRITICS) != 0;
    else if (is_invisible(c)) *pDrop = (f & AR_FOLD_INVISIBLE) != 0;
    else if (c >= 0x0300 && c <= 0x036F) *pDrop = (f & AR_FOLD_LATIN_MARKS) != 0;
    return c;
  }
  if (cls == AR_CLS_ARABIC || cls == AR_CLS_DIGIT) c = fold_arabic(c, f);
  if (cls == AR_CLS_LETTER) {
    /* Case first: some letters become Latin only when lowered (U+212B
    ** ANGSTROM SIGN -> å), and folding must give its own fixed point. */
    if (f & AR_FOLD_CASE) c = (uint32_t)utf8proc_tolower((utf8proc_int32_t)c);
    if ((f & AR_FOLD_LATIN_MARKS) && is_latin(c)) c = latin_base(c);
  }
  return c;
}

void ar_normalizer_init(ArNormalizer *n, unsigned flags) {
  uint32_t c;
  n->flags = flags;
  for (c = 0; c < AR_TABLE_SIZE; c++) {
    int cls = class_of(c), drop;
    uint32_t e;
    if ((flags & AR_FOLD_COMPAT) && is_presentation_form(c)) {
      n->table[c] = AR_T_SLOW | ((uint32_t)cls << AR_T_CLS_SHIFT) | c;
      continue;
    }
    e = fold_simple(c, cls, flags, &drop);
    n->table[c] = e | ((uint32_t)cls << AR_T_CLS_SHIFT) | (drop ? AR_T_DROP : 0);
  }
}

int ar_char_class(const ArNormalizer *n, uint32_t c) {
  if (c < AR_TABLE_SIZE) return (int)(n->table[c] >> AR_T_CLS_SHIFT) & 7;
  return class_of(c);
}

/* Map the NFKC form of a presentation form through the table. */
static int map_compat(const ArNormalizer *n, uint32_t c, uint32_t *out) {
  utf8proc_int32_t buf[AR_MAX_EXPANSION];
  int last = 0, k = 0, i;
  utf8proc_ssize_t len =
      utf8proc_decompose_char((utf8proc_int32_t)c, buf, AR_MAX_EXPANSION,
                              UTF8PROC_DECOMPOSE | UTF8PROC_COMPAT, &last);
  if (len < 1 || len > AR_MAX_EXPANSION) {
    out[0] = c;
    return 1;
  }
  len = utf8proc_normalize_utf32(buf, len, UTF8PROC_COMPOSE | UTF8PROC_STABLE);
  if (len < 1) {
    out[0] = c;
    return 1;
  }
  for (i = 0; i < len; i++) {
    uint32_t d = (uint32_t)buf[i];
    if (d < AR_TABLE_SIZE && !(n->table[d] & AR_T_SPECIAL)) {
      out[k++] = n->table[d] & AR_T_CP_MASK;
    } else if (d >= AR_TABLE_SIZE || !(n->table[d] & AR_T_DROP)) {
      out[k++] = d;
    }
  }
  return k;
}

int ar_norm_map_slow(const ArNormalizer *n, uint32_t c, uint32_t *out, int *pCls) {
  int cls = class_of(c), drop;
  *pCls = cls;
  if ((n->flags & AR_FOLD_COMPAT) && is_presentation_form(c)) return map_compat(n, c, out);
  out[0] = fold_simple(c, cls, n->flags, &drop);
  return drop ? 0 : 1;
}

int ar_normalize_text(const ArNormalizer *n, const char *zIn, int nIn, char **pzOut, int *pnOut) {
  const unsigned char *z = (const unsigned char *)zIn;
  size_t cap = (size_t)nIn + 64, pos = 0;
  unsigned char *out = ar_malloc(cap);
  uint32_t buf[AR_MAX_EXPANSION];
  uint32_t prev = 0;     /* the previous input code point */
  size_t prevPos = 0;    /* where its output starts */
  int i = 0;
  if (!out) return AR_NOMEM;
  while (i < nIn) {
    int cls, k, j;
    uint32_t c = ar_utf8_decode(z, nIn, &i), composed;
    if (c - 0x0653u <= 2u && (composed = ar_compose_hamza(prev, c)) != 0) {
      pos = prevPos; /* re-fold the base letter as its composed form */
      c = composed;
    }
    /* Room for the longest expansion, so the loop below never checks. */
    if (pos + 4 * AR_MAX_EXPANSION + 1 > cap) {
      size_t ncap = cap * 2 + 4 * AR_MAX_EXPANSION;
      unsigned char *p = ar_realloc(out, ncap);
      if (!p) {
        ar_free(out);
        return AR_NOMEM;
      }
      out = p;
      cap = ncap;
    }
    k = ar_norm_map(n, c, buf, &cls);
    prev = c;
    prevPos = pos;
    for (j = 0; j < k; j++) pos += (size_t)ar_utf8_encode(buf[j], out + pos);
  }
  out[pos] = 0;
  *pzOut = (char *)out;
  *pnOut = (int)pos;
  return AR_OK;
}
