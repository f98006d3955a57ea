/*
** UTF-8 decoding and encoding shared by every core.
**
** The decoder never fails: an invalid, overlong, surrogate or truncated
** sequence decodes to U+FFFD and consumes exactly one byte, so the caller
** always makes progress and byte offsets stay exact.
*/
#ifndef ARABIC_UTF8_H
#define ARABIC_UTF8_H

#include <stdint.h>
#include <string.h>

#define AR_REPLACEMENT_CHAR 0xFFFD

/* Decode the code point at z[*pi], z holding n bytes; advance *pi. */
static inline uint32_t ar_utf8_decode(const unsigned char *z, int n, int *pi) {
  int i = *pi;
  uint32_t c = z[i];
  if (c < 0x80) {
    *pi = i + 1;
    return c;
  }
  if (c >= 0xC2 && c <= 0xDF) {
    if (i + 1 < n && (z[i + 1] & 0xC0) == 0x80) {
      *pi = i + 2;
      return ((c & 0x1F) << 6) | (z[i + 1] & 0x3F);
    }
  } else if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 < n && (z[i + 1] & 0xC0) == 0x80 && (z[i + 2] & 0xC0) == 0x80) {
      uint32_t v = ((c & 0x0F) << 12) | ((uint32_t)(z[i + 1] & 0x3F) << 6) | (z[i + 2] & 0x3F);
      if (v >= 0x800 && (v < 0xD800 || v > 0xDFFF)) {
        *pi = i + 3;
        return v;
      }
    }
  } else if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 < n && (z[i + 1] & 0xC0) == 0x80 && (z[i + 2] & 0xC0) == 0x80 &&
        (z[i + 3] & 0xC0) == 0x80) {
      uint32_t v = ((c & 0x07) << 18) | ((uint32_t)(z[i + 1] & 0x3F) << 12) |
                   ((uint32_t)(z[i + 2] & 0x3F) << 6) | (z[i + 3] & 0x3F);
      if (v >= 0x10000 && v <= 0x10FFFF) {
        *pi = i + 4;
        return v;
      }
    }
  }
  *pi = i + 1;
  return AR_REPLACEMENT_CHAR;
}

/* Encode c at z (room for 4 bytes); return the number of bytes written. */
static inline int ar_utf8_encode(uint32_t c, unsigned char *z) {
  if (c < 0x80) {
    z[0] = (unsigned char)c;
    return 1;
  }
  if (c < 0x800) {
    z[0] = (unsigned char)(0xC0 | (c >> 6));
    z[1] = (unsigned char)(0x80 | (c & 0x3F));
    return 2;
  }
  if (c < 0x10000) {
    z[0] = (unsigned char)(0xE0 | (c >> 12));
    z[1] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
    z[2] = (unsigned char)(0x80 | (c & 0x3F));
    return 3;
  }
  z[0] = (unsigned char)(0xF0 | (c >> 18));
  z[1] = (unsigned char)(0x80 | ((c >> 12) & 0x3F));
  z[2] = (unsigned char)(0x80 | ((c >> 6) & 0x3F));
  z[3] = (unsigned char)(0x80 | (c & 0x3F));
  return 4;
}

/* Characters in z[from..to) as SQLite's length() and substr() count them:
** a lead byte takes the continuation bytes after it; any other byte is one. */
static inline int ar_sqlite_chars(const unsigned char *z, int from, int to) {
  int n = 0;
  while (from < to) {
    if (z[from++] >= 0xC0) {
      while (from < to && (z[from] & 0xC0) == 0x80) from++;
    }
    n++;
  }
  return n;
}

/* At most nMax bytes of z[0..n) as valid UTF-8 text for a message, into
** zOut (room for nMax + 4 bytes): each malformed byte becomes U+FFFD, a NUL
** ends the text, no character is cut, and "..." marks a cut. */
static inline void ar_utf8_excerpt(const char *z, int n, char *zOut, int nMax) {
  const unsigned char *u = (const unsigned char *)z;
  int i = 0, k = 0;
  while (i < n) {
    int nc;
    uint32_t c = ar_utf8_decode(u, n, &i);
    unsigned char zb[4];
    if (c == 0) break;
    nc = ar_utf8_encode(c, zb);
    if (k + nc > nMax) {
      memcpy(zOut + k, "...", 3);
      k += 3;
      break;
    }
    memcpy(zOut + k, zb, (size_t)nc);
    k += nc;
  }
  zOut[k] = 0;
}

#endif
