/* The word segmenter (see segment.h). */
#include "segment.h"

#include "utf8.h"

int ar_is_space(uint32_t c) {
  return c == ' ' || (c >= '\t' && c <= '\r') || c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

void ar_segmenter_init(ArSegmenter *s, const ArNormalizer *norm, const char *z, int n, int flags) {
  s->norm = norm;
  s->z = (const unsigned char *)z;
  s->n = n;
  s->i = 0;
  s->flags = flags;
  s->before = 0;
  s->markStart = -1;
  s->markEnd = 0;
  s->markCp = 0;
}

static int group_of(int cls) { return cls == AR_CLS_ARABIC ? AR_GROUP_ARABIC : AR_GROUP_OTHER; }

static inline void append_cp(ArWord *w, uint32_t c, int src) {
  int n = w->n, pos = w->off[n];
  if (n >= AR_MAX_WORD_CHARS) return;
  w->cp[n] = c;
  w->src[n] = src;
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

static int report_mark(ArWord *w, int iStart, int iEnd, uint32_t c) {
  w->iStart = iStart;
  w->iEnd = iEnd;
  w->group = 0;
  w->before = 0;
  w->n = 0;
  w->off[0] = 0;
  w->cp[0] = c;
  w->src[0] = iStart;
  return AR_SEG_MARK;
}

int ar_segment_next(ArSegmenter *s, ArWord *w) {
  const unsigned char *z = s->z;
  const ArNormalizer *norm = s->norm;
  const int nText = s->n;
  int i = s->i, inWord = 0;
  uint32_t lastSrc = 0; /* the last input code point of the word, for hamza composition */
  uint32_t out[AR_MAX_EXPANSION];

  if (s->markStart >= 0) {
    int iStart = s->markStart;
    s->markStart = -1;
    return report_mark(w, iStart, s->markEnd, s->markCp);
  }
  while (i < nText) {
    int iChar = i, src = i, cls, k;
    uint32_t c = z[i] < 0x80 ? z[i++] : ar_utf8_decode(z, nText, &i);
    uint32_t composed;

    if (inWord && c - 0x0653u <= 2u && (composed = ar_compose_hamza(lastSrc, c)) != 0 && w->n > 0) {
      /* A decomposed hamza or madda: fold the composed letter instead. */
      w->n--; /* off[n] still marks where the removed letter began */
      src = w->src[w->n];
      c = composed;
    }
    k = ar_norm_map(norm, c, out, &cls);

    if (cls == AR_CLS_SEP) {
      int isMark = (s->flags & AR_SEG_MARKS) && !ar_is_space(c);
      s->before = c;
      if (inWord) {
        if (isMark) {
          s->markStart = iChar;
          s->markEnd = i;
          s->markCp = c;
        }
        s->i = i;
        return AR_SEG_WORD;
      }
      if (isMark) {
        s->i = i;
        return report_mark(w, iChar, i, c);
      }
      continue;
    }
    if (cls == AR_CLS_JOIN) {
      if (inWord) {
        if (k == 1) append_cp(w, out[0], src);
        w->iEnd = i;
        lastSrc = c;
      }
      continue;
    }
    if (inWord && group_of(cls) != w->group) {
      s->i = iChar; /* the next word starts with this character */
      return AR_SEG_WORD;
    }
    if (!inWord) {
      inWord = 1;
      w->n = 0;
      w->off[0] = 0;
      w->group = group_of(cls);
      w->iStart = iChar;
      w->before = s->before;
      s->before = 0;
    }
    if (k == 1) {
      append_cp(w, out[0], src);
    } else {
      int j;
      for (j = 0; j < k; j++) {
        /* An expansion may hold a space (U+FDFA): keep the letters only. */
        if (ar_char_class(norm, out[j]) != AR_CLS_SEP) append_cp(w, out[j], src);
      }
    }
    lastSrc = c;
    if (w->group == AR_GROUP_ARABIC) {
      /* The common case, without the general path: more two-byte Arabic
      ** letters (U+0600..U+06FF) that fold to one letter. */
      int nCp = w->n, pos = w->off[nCp];
      while (i + 1 < nText && (z[i] & 0xFC) == 0xD8 && (z[i + 1] & 0xC0) == 0x80) {
        uint32_t d = ((uint32_t)(z[i] & 0x1F) << 6) | (z[i + 1] & 0x3F);
        uint32_t e = norm->table[d], f = e & AR_T_CP_MASK;
        if ((e & (AR_T_SPECIAL | (7u << AR_T_CLS_SHIFT))) != ((uint32_t)AR_CLS_ARABIC << AR_T_CLS_SHIFT)) break;
        if (nCp < AR_MAX_WORD_CHARS) { /* f is an Arabic letter: two bytes */
          w->cp[nCp] = f;
          w->src[nCp] = i;
          w->z[pos] = (char)(0xC0 | (f >> 6));
          w->z[pos + 1] = (char)(0x80 | (f & 0x3F));
          pos += 2;
          w->off[++nCp] = pos;
        }
        lastSrc = d;
        i += 2;
      }
      w->n = nCp;
    }
    w->iEnd = i;
  }
  s->i = i;
  return inWord ? AR_SEG_WORD : AR_SEG_END;
}
