/*
** Strict UTF-8 (RFC 3629) for the fuzz targets' checks: no overlong forms,
** surrogates or code points past U+10FFFF, which the extension reads as
** malformed bytes (and SQLite's substr() counts as one character each).
*/
#ifndef ARABIC_FUZZ_STRICT_UTF8_H
#define ARABIC_FUZZ_STRICT_UTF8_H

static int strict_utf8(const unsigned char *z, int n) {
  int i = 0;
  while (i < n) {
    unsigned c = z[i];
    int len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3 : c >= 0xF0 && c <= 0xF4 ? 4 : 0;
    unsigned lo = 0x80, hi = 0xBF; /* the range of the second byte */
    int k;
    if (!len || i + len > n) return 0;
    if (c == 0xE0) lo = 0xA0;
    if (c == 0xED) hi = 0x9F;
    if (c == 0xF0) lo = 0x90;
    if (c == 0xF4) hi = 0x8F;
    if (len > 1 && (z[i + 1] < lo || z[i + 1] > hi)) return 0;
    for (k = 1; k < len; k++)
      if ((z[i + k] & 0xC0) != 0x80) return 0;
    i += len;
  }
  return 1;
}

#endif
