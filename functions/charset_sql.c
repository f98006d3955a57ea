/*
** Bytes of an unknown charset to UTF-8 text, through ICU:
**
**   arabic_detect_charset(blob)       -- 'UTF-8', 'UTF-16LE', 'UTF-16BE', 'windows-1256',
**                                        'ISO-8859-6', or NULL when no charset explains the bytes
**   arabic_decode(blob [, charset])   -- the text in UTF-8, BOM removed; charset 'auto' (the
**                                        default) is arabic_detect_charset's answer
**
** Detection: a byte order mark first; then valid UTF-8; then each of
** windows-1256, ISO-8859-6, UTF-16LE and UTF-16BE is decoded strictly and the
** result scored by how much of it is Arabic script, spaces, digits and
** punctuation (a wrong charset gives Latin-1 letters, controls, stray harakat
** or CJK); ICU's ucsdet confidence breaks near ties (ICU alone is weak on
** short texts and on UTF-16 without a BOM). Decoding is strict (a stop
** callback): bad bytes are an error naming their offset, never a silent
** U+FFFD. A NUL in the decoded text becomes U+FFFD, as SQLite's string
** functions stop at NUL. The text may not exceed SQLITE_LIMIT_LENGTH.
** See docs/charsets.md.
*/
#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/alloc.h"
#include "../core/utf8.h"

#include <string.h>
#include <strings.h>
#include <unicode/ucnv.h>
#include <unicode/ucnv_err.h>
#include <unicode/ucsdet.h>

/* Decode n bytes strictly into a new UChar array (ar_malloc); *pnU its length.
** Return 0 on success, 1 for invalid bytes (*piBad their offset), 2 for an
** unknown charset, SQLITE_NOMEM. */
enum { DEC_OK = 0, DEC_BAD = 1, DEC_UNKNOWN = 2 };

static int decode_utf16(const char *zCharset, const unsigned char *a, int n, UChar **paU, int *pnU,
                        long long *piBad) {
  UErrorCode st = U_ZERO_ERROR;
  UConverter *cnv = ucnv_open(zCharset, &st);
  UChar *aU, *pOut;
  const char *pIn = (const char *)a;
  *paU = 0;
  *pnU = 0;
  if (U_FAILURE(st) || !cnv) return DEC_UNKNOWN;
  ucnv_setToUCallBack(cnv, UCNV_TO_U_CALLBACK_STOP, 0, 0, 0, &st);
  aU = ar_malloc(((size_t)n + 1) * sizeof(UChar));
  if (!aU) {
    ucnv_close(cnv);
    return SQLITE_NOMEM;
  }
  pOut = aU;
  st = U_ZERO_ERROR;
  ucnv_toUnicode(cnv, &pOut, aU + n + 1, &pIn, (const char *)a + n, 0, 1, &st);
  if (U_FAILURE(st)) {
    char aBad[32];
    int8_t nBad = sizeof(aBad);
    UErrorCode st2 = U_ZERO_ERROR;
    ucnv_getInvalidChars(cnv, aBad, &nBad, &st2);
    if (U_FAILURE(st2)) nBad = 0;
    *piBad = (long long)(pIn - (const char *)a) - nBad;
    ucnv_close(cnv);
    ar_free(aU);
    return DEC_BAD;
  }
  ucnv_close(cnv);
  *paU = aU;
  *pnU = (int)(pOut - aU);
  return DEC_OK;
}

/* How well a decoded text reads as Arabic-script text: higher is better;
** below 0.8 nothing explains the bytes. */
static double arabic_score(const UChar *a, int n) {
  int i, good = 0, bad = 0, letters = 0, marks = 0, latin = 0, total = 0;
  for (i = 0; i < n; i++) {
    UChar c = a[i];
    total++;
    if (c >= 0x0621 && c <= 0x064A) letters++, good++;
    else if (c >= 0x064B && c <= 0x0652) marks++, good++;
    else if ((c >= 0x0671 && c <= 0x06D3) || (c >= 0xFB50 && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFC))
      letters++, good++;
    else if (c == 0x060C || c == 0x061B || c == 0x061F || (c >= 0x0660 && c <= 0x066D) || c == 0x0640 ||
             (c >= 0x06F0 && c <= 0x06F9))
      good++;
    else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c < 0x7F) || c == 0xA0 || c == 0xAB ||
             c == 0xBB || (c >= 0x2000 && c <= 0x206F) || c == 0xFEFF) {
      good++;
      if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') latin++;
    }
    else
      bad++;
  }
  /* A Latin text with a few high bytes (café in Latin-1) is no Arabic text. */
  if (total == 0 || letters == 0 || letters * 2 < latin) return 0;
  /* Harakat are rare in news; a wrong single-byte table makes many of them. */
  if (marks * 4 > letters) bad += marks - letters / 4;
  return (double)(good - 3 * bad) / total + (letters * 0.05) / total;
}

/* Valid UTF-8 without the control characters (but tab, newlines, form feed)
** that text does not hold and BOM-less UTF-16 of Arabic is full of. */
static int valid_utf8(const unsigned char *a, int n) {
  int i = 0;
  while (i < n) {
    int j = i;
    if (a[i] < 0x20 && a[i] != '\t' && a[i] != '\n' && a[i] != '\r' && a[i] != '\f') return 0;
    if (a[i] < 0x80) {
      i++;
      continue;
    }
    if (ar_utf8_decode(a, n, &j) == AR_REPLACEMENT_CHAR &&
        !(j - i == 3 && a[i] == 0xEF && a[i + 1] == 0xBF && a[i + 2] == 0xBD))
      return 0;
    i = j;
  }
  return 1;
}

static const char *const aCandidate[] = {"windows-1256", "ISO-8859-6", "UTF-16LE", "UTF-16BE"};
#define N_CANDIDATE 4

/* ICU's confidence (0-100) in each candidate, -1 if it does not name it. */
static void icu_confidence(const unsigned char *a, int n, int aConf[N_CANDIDATE]) {
  UErrorCode st = U_ZERO_ERROR;
  UCharsetDetector *det;
  const UCharsetMatch **aMatch;
  int32_t nMatch = 0, i, k;
  for (k = 0; k < N_CANDIDATE; k++) aConf[k] = -1;
  det = ucsdet_open(&st);
  if (U_FAILURE(st)) return;
  ucsdet_setText(det, (const char *)a, n, &st);
  aMatch = ucsdet_detectAll(det, &nMatch, &st);
  if (U_SUCCESS(st)) {
    for (i = 0; i < nMatch; i++) {
      const char *zName = ucsdet_getName(aMatch[i], &st);
      int32_t conf = ucsdet_getConfidence(aMatch[i], &st);
      if (U_FAILURE(st) || !zName) break;
      for (k = 0; k < N_CANDIDATE; k++)
        if (strcasecmp(zName, aCandidate[k]) == 0 && aConf[k] < conf) aConf[k] = conf;
    }
  }
  ucsdet_close(det);
}

/* The charset of the bytes, or NULL; *pNoMem set when memory ran out. */
static const char *detect(const unsigned char *a, int n, int *pNoMem) {
  int k, aConf[N_CANDIDATE], iBest = -1;
  double best = 0;
  *pNoMem = 0;
  if (n >= 3 && a[0] == 0xEF && a[1] == 0xBB && a[2] == 0xBF) return "UTF-8";
  if (n >= 2 && a[0] == 0xFF && a[1] == 0xFE) return "UTF-16LE";
  if (n >= 2 && a[0] == 0xFE && a[1] == 0xFF) return "UTF-16BE";
  if (valid_utf8(a, n)) return "UTF-8";
  icu_confidence(a, n, aConf);
  for (k = 0; k < N_CANDIDATE; k++) {
    UChar *aU;
    int nU, rc;
    long long iBad;
    double score;
    if (k >= 2 && n % 2) continue;
    rc = decode_utf16(aCandidate[k], a, n, &aU, &nU, &iBad);
    if (rc == SQLITE_NOMEM) {
      *pNoMem = 1;
      return 0;
    }
    if (rc != DEC_OK) continue;
    score = arabic_score(aU, nU) + (aConf[k] > 0 ? aConf[k] * 0.0002 : 0);
    ar_free(aU);
    if (score >= 0.8 && score > best) best = score, iBest = k;
  }
  return iBest < 0 ? 0 : aCandidate[iBest];
}

/* The bytes of v ("" for an empty blob), or NULL after reporting out of memory. */
static const unsigned char *arg_bytes(sqlite3_context *ctx, sqlite3_value *v, int *pn) {
  const unsigned char *a = sqlite3_value_blob(v);
  *pn = sqlite3_value_bytes(v);
  if (!a && *pn == 0) return (const unsigned char *)"";
  if (!a) sqlite3_result_error_nomem(ctx);
  return a;
}

static void detect_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const unsigned char *a;
  int n, noMem;
  const char *z;
  if (ar_any_null(1, argv)) return;
  a = arg_bytes(ctx, argv[0], &n);
  if (!a) return;
  z = detect(a, n, &noMem);
  if (noMem) sqlite3_result_error_nomem(ctx);
  else if (z) sqlite3_result_text(ctx, z, -1, SQLITE_STATIC);
}

/* Valid UTF-8 without a NUL byte (which arabic_decode replaces): the usual
** text, which decodes to its own bytes. */
static int plain_utf8(const unsigned char *a, int n) {
  int i = 0;
  while (i < n) {
    int start = i;
    if (a[i] >= 0x01 && a[i] < 0x80) {
      i++;
    } else if (a[i] == 0 || (ar_utf8_decode(a, n, &i) == AR_REPLACEMENT_CHAR && i - start == 1)) {
      return 0;
    }
  }
  return 1;
}

static void decode_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const unsigned char *a;
  const char *zCharset = "auto";
  int n, nU, rc, i, noMem;
  long long iBad = 0, limit;
  UChar *aU;
  unsigned char *zOut;
  size_t nOut = 0;
  if (ar_any_null(argc, argv)) return;
  a = arg_bytes(ctx, argv[0], &n);
  if (!a) return;
  if (argc > 1) {
    zCharset = (const char *)sqlite3_value_text(argv[1]);
    if (!zCharset) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
  }
  if (strcasecmp(zCharset, "auto") == 0) {
    zCharset = detect(a, n, &noMem);
    if (noMem) {
      sqlite3_result_error_nomem(ctx);
      return;
    }
    if (!zCharset) {
      sqlite3_result_error(ctx, "arabic_decode: no charset explains these bytes", -1);
      return;
    }
  }
  if ((strcasecmp(zCharset, "UTF-8") == 0 || strcasecmp(zCharset, "UTF8") == 0) && plain_utf8(a, n)) {
    /* what ICU would give, without the round trip through UTF-16 */
    int bom = n >= 3 && a[0] == 0xEF && a[1] == 0xBB && a[2] == 0xBF ? 3 : 0;
    sqlite3_result_text64(ctx, (const char *)a + bom, (sqlite3_uint64)(n - bom), SQLITE_TRANSIENT, SQLITE_UTF8);
    return;
  }
  rc = decode_utf16(zCharset, a, n, &aU, &nU, &iBad);
  if (rc == SQLITE_NOMEM) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  if (rc == DEC_UNKNOWN) {
    char zQ[48];
    ar_utf8_excerpt(zCharset, (int)strlen(zCharset), zQ, 40);
    ar_result_error_free(ctx, sqlite3_mprintf("arabic_decode: unknown charset '%s'", zQ));
    return;
  }
  if (rc == DEC_BAD) {
    ar_result_error_free(ctx, sqlite3_mprintf("arabic_decode: invalid bytes for %s at offset %lld", zCharset, iBad));
    return;
  }
  zOut = ar_malloc((size_t)nU * 3 + 1);
  if (!zOut) {
    ar_free(aU);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  for (i = 0; i < nU; i++) {
    uint32_t c = aU[i];
    if (c >= 0xD800 && c <= 0xDBFF && i + 1 < nU && aU[i + 1] >= 0xDC00 && aU[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (aU[i + 1] - 0xDC00u);
      i++;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = AR_REPLACEMENT_CHAR; /* the strict converters never give one; kept safe */
    }
    if (c == 0xFEFF && nOut == 0) continue; /* the byte order mark */
    if (c == 0) c = AR_REPLACEMENT_CHAR;
    nOut += (size_t)ar_utf8_encode(c, zOut + nOut);
  }
  ar_free(aU);
  limit = sqlite3_limit(sqlite3_context_db_handle(ctx), SQLITE_LIMIT_LENGTH, -1);
  if ((long long)nOut > limit) {
    ar_free(zOut);
    sqlite3_result_error_toobig(ctx);
    return;
  }
  sqlite3_result_text64(ctx, (const char *)zOut, nOut, ar_free, SQLITE_UTF8);
}

int arabic_register_charset(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "arabic_detect_charset", 1, ARABIC_FUNC_FLAGS, 0, detect_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_decode", 1, ARABIC_FUNC_FLAGS, 0, decode_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_decode", 2, ARABIC_FUNC_FLAGS, 0, decode_func, 0, 0);
  return rc;
}
