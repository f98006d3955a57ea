/* Shared helpers of the SQL bindings (see sqlfunc.h). */
#include "sqlfunc.h"

#include <pthread.h>
#include <string.h>

#include "../core/utf8.h"

static ArTokenizer g_default;
static pthread_once_t g_default_once = PTHREAD_ONCE_INIT;
static void build_default(void) {
  ArOptions opts;
  ar_options_default(&opts);
  ar_tokenizer_init(&g_default, &opts);
}

const ArTokenizer *ar_default_analyzer(void) {
  pthread_once(&g_default_once, build_default);
  return &g_default;
}

const ArNormalizer *ar_default_normalizer(void) { return &ar_default_analyzer()->norm; }

int ar_any_null(int argc, sqlite3_value **argv) {
  int i;
  for (i = 0; i < argc; i++) {
    if (sqlite3_value_type(argv[i]) == SQLITE_NULL) return 1;
  }
  return 0;
}

const char *ar_arg_text(sqlite3_context *ctx, sqlite3_value *v, int *pn) {
  const char *z = (const char *)sqlite3_value_text(v);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  *pn = sqlite3_value_bytes(v);
  return z;
}

char *ar_clean_utf8(const unsigned char *z, int n, int *pnOut, int *pNoMem) {
  char *zOut;
  int i = 0, k = 0;
  sqlite3_uint64 nOut = 0;
  if (!z) return 0;
  /* The exact size first: a text is copied at its own size. */
  while (i < n) {
    int start = i;
    uint32_t c = ar_utf8_decode(z, n, &i);
    nOut += (c == AR_REPLACEMENT_CHAR && i - start == 1) ? 3 : (sqlite3_uint64)(i - start);
  }
  zOut = sqlite3_malloc64(nOut + 1);
  if (!zOut) {
    *pNoMem = 1;
    return 0;
  }
  if (nOut == (sqlite3_uint64)n) {
    /* valid UTF-8, the usual case: the text as it is */
    if (n > 0) memcpy(zOut, z, (size_t)n);
    k = n;
  } else {
    i = 0;
    while (i < n) k += ar_utf8_encode(ar_utf8_decode(z, n, &i), (unsigned char *)zOut + k);
  }
  zOut[k] = 0;
  if (pnOut) *pnOut = k;
  return zOut;
}

void ar_result_error_free(sqlite3_context *ctx, char *zMsg) {
  if (zMsg) {
    sqlite3_result_error(ctx, zMsg, -1);
    sqlite3_free(zMsg);
  } else {
    sqlite3_result_error_nomem(ctx);
  }
}

int ar_analyzer_parse(ArTokenizer *t, int scope, const char *zOpts, int n, char *zErr) {
  ArOptions opts;
  ar_options_default(&opts);
  if ((int)strlen(zOpts) != n) {
    sqlite3_snprintf(AR_ERRMSG_SIZE, zErr, "the options hold a NUL character");
    return 1;
  }
  if (ar_options_parse(&opts, scope, zOpts, zErr)) return 1;
  ar_tokenizer_init(t, &opts);
  return 0;
}

const ArTokenizer *ar_arg_analyzer(sqlite3_context *ctx, const char *zFunc, int argc,
                                   sqlite3_value **argv, int iArg, int scope) {
  ArTokenizer *t;
  char zErr[AR_ERRMSG_SIZE];
  const char *z;
  if (argc <= iArg) return ar_default_analyzer();
  t = sqlite3_get_auxdata(ctx, iArg);
  if (t) return t;
  z = (const char *)sqlite3_value_text(argv[iArg]);
  t = z ? sqlite3_malloc64(sizeof(*t)) : 0;
  if (!t) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  if (ar_analyzer_parse(t, scope, z, sqlite3_value_bytes(argv[iArg]), zErr)) {
    sqlite3_free(t);
    ar_result_error_free(ctx, sqlite3_mprintf("%s: %s", zFunc, zErr));
    return 0;
  }
  sqlite3_set_auxdata(ctx, iArg, t, sqlite3_free);
  /* set_auxdata may free t at once (out of memory); ask again. */
  t = sqlite3_get_auxdata(ctx, iArg);
  if (!t) sqlite3_result_error_nomem(ctx);
  return t;
}
