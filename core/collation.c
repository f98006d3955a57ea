/*
** The Arabic collation core (see collation.h for the order it defines).
*/
#include "collation.h"

#include "utf8.h"

/* Dictionary rank (1..) of the letters left after the default folds, and
** of the Persian letters, which sit next to their Arabic neighbours. */
static const unsigned char kRank[256] = {
    [0x21] = 1,  [0x27] = 2,  [0x28] = 3,  [0x7E] = 4,  [0x2A] = 5,  [0x2B] = 6,  [0x2C] = 7,
    [0x86] = 8,  [0x2D] = 9,  [0x2E] = 10, [0x2F] = 11, [0x30] = 12, [0x31] = 13, [0x32] = 14,
    [0x98] = 15, [0x33] = 16, [0x34] = 17, [0x35] = 18, [0x36] = 19, [0x37] = 20, [0x38] = 21,
    [0x39] = 22, [0x3A] = 23, [0x41] = 24, [0xA4] = 25, [0x42] = 26, [0x43] = 27, [0xAF] = 28,
    [0x44] = 29, [0x45] = 30, [0x46] = 31, [0x47] = 32, [0x48] = 33, [0x4A] = 34,
};

/* One-to-one, so equal weights mean equal code points: ranked letters
** share the slot of hamza (the first of them), in rank order. */
static inline uint32_t weight(uint32_t c) {
  if (c - 0x0600u < 256u && kRank[c - 0x0600]) return (0x0621u << 8) | kRank[c - 0x0600];
  return c << 8;
}

/* The folded code points of one string, produced on demand. */
typedef struct KeyStream {
  const unsigned char *z;
  int n, i;
  uint32_t buf[AR_MAX_EXPANSION];
  int k, j; /* buf holds k code points, the next is buf[j] */
} KeyStream;

/* Set *pw to the next weight and return 1, or return 0 at the end. */
static int next_weight(const ArNormalizer *n, KeyStream *s, uint32_t *pw) {
  while (s->j >= s->k) {
    uint32_t c, composed;
    int cls;
    if (s->i >= s->n) return 0;
    c = ar_utf8_decode(s->z, s->n, &s->i);
    /* A following madda or hamza mark composes with its letter, as in
    ** ar_normalize_text(), so decomposed and precomposed input agree. */
    if (s->i + 1 < s->n && s->z[s->i] == 0xD9 && s->z[s->i + 1] >= 0x93 && s->z[s->i + 1] <= 0x95 &&
        (composed = ar_compose_hamza(c, 0x0600u | (s->z[s->i + 1] & 0x3F))) != 0) {
      c = composed;
      s->i += 2;
    }
    s->k = ar_norm_map(n, c, s->buf, &cls);
    s->j = 0;
  }
  *pw = weight(s->buf[s->j++]);
  return 1;
}

/* True if z[i..n) starts with U+0653..U+0655, which composes with the
** code point before it. */
static int starts_with_hamza_mark(const unsigned char *z, int n, int i) {
  return i + 1 < n && z[i] == 0xD9 && z[i + 1] >= 0x93 && z[i + 1] <= 0x95;
}

/* Where both strings can start comparing: a point inside their common
** byte prefix where decoding and folding cannot depend on what follows. No
** UTF-8 sequence, valid or not, runs past a byte that is not a
** continuation byte in both strings, and only a following hamza mark
** changes how a code point folds. Sorted words share long prefixes (the
** article), so this skips most of the work of a comparison. -1 if the
** strings are the same bytes. */
static int common_start(const unsigned char *a, int na, const unsigned char *b, int nb) {
  int n = na < nb ? na : nb, p = 0;
  while (p < n && a[p] == b[p]) p++;
  if (p == na && p == nb) return -1;
  while (p > 0 && ((p < na && (a[p] & 0xC0) == 0x80) || (p < nb && (b[p] & 0xC0) == 0x80))) p--;
  while (p > 0 && (starts_with_hamza_mark(a, na, p) || starts_with_hamza_mark(b, nb, p))) {
    p--;
    while (p > 0 && (a[p] & 0xC0) == 0x80) p--;
  }
  return p;
}

int ar_collate(const ArNormalizer *n, const char *a, int na, const char *b, int nb) {
  KeyStream sa, sb;
  int start;
  start = common_start((const unsigned char *)a, na, (const unsigned char *)b, nb);
  if (start < 0) return 0;
  sa.z = (const unsigned char *)a;
  sa.n = na;
  sb.z = (const unsigned char *)b;
  sb.n = nb;
  sa.i = sb.i = start;
  sa.k = sa.j = sb.k = sb.j = 0;
  for (;;) {
    uint32_t wa = 0, wb = 0;
    int moreA = next_weight(n, &sa, &wa), moreB = next_weight(n, &sb, &wb);
    if (!moreA || !moreB) return moreA - moreB;
    if (wa != wb) return wa < wb ? -1 : 1;
  }
}
