/* Shared helpers of the SQL bindings (see sqlfunc.h). */
#include "sqlfunc.h"

#include <string.h>

#include <pthread.h>

#include "../core/alloc.h"
#include "../core/utf8.h"

/* The defaults, built once per process. */
static ArOptions g_default_opts;
static ArNormalizer g_default;
static pthread_once_t g_default_once = PTHREAD_ONCE_INIT;
static void build_default(void) {
  ar_options_default(&g_default_opts);
  ar_normalizer_init(&g_default, g_default_opts.folds);
}

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
  i = 0;
  while (i < n) k += ar_utf8_encode(ar_utf8_decode(z, n, &i), (unsigned char *)zOut + k);
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

/* The options of one call, cached: parsed options and, built on demand,
** the normalizer for their folds. */
typedef struct CachedOptions {
  ArOptions opts;
  ArNormalizer norm;
} CachedOptions;

static CachedOptions *cached_options(sqlite3_context *ctx, const char *zFunc, sqlite3_value **argv,
                                     int iArg, int scope) {
  CachedOptions *p = sqlite3_get_auxdata(ctx, iArg);
  char zErr[AR_ERRMSG_SIZE];
  const char *z;
  if (p) return p;
  z = (const char *)sqlite3_value_text(argv[iArg]);
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  if (memchr(z, 0, (size_t)sqlite3_value_bytes(argv[iArg]))) {
    ar_result_error_free(ctx, sqlite3_mprintf("%s: the options hold a NUL character", zFunc));
    return 0;
  }
  p = sqlite3_malloc64(sizeof(*p));
  if (!p) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  ar_options_default(&p->opts);
  if (ar_options_parse(&p->opts, scope, z, zErr)) {
    sqlite3_free(p);
    ar_result_error_free(ctx, sqlite3_mprintf("%s: %s", zFunc, zErr));
    return 0;
  }
  ar_normalizer_init(&p->norm, p->opts.folds);
  sqlite3_set_auxdata(ctx, iArg, p, sqlite3_free);
  /* set_auxdata may free p at once (out of memory); ask again. */
  p = sqlite3_get_auxdata(ctx, iArg);
  if (!p) sqlite3_result_error_nomem(ctx);
  return p;
}

const ArNormalizer *ar_default_normalizer(void) {
  pthread_once(&g_default_once, build_default);
  return &g_default;
}

const ArNormalizer *ar_arg_config(sqlite3_context *ctx, const char *zFunc, int argc,
                                  sqlite3_value **argv, int iArg, int scope,
                                  const ArOptions **ppOpts) {
  CachedOptions *p;
  if (argc <= iArg) {
    const ArNormalizer *n = ar_default_normalizer();
    *ppOpts = &g_default_opts;
    return n;
  }
  p = cached_options(ctx, zFunc, argv, iArg, scope);
  if (!p) return 0;
  *ppOpts = &p->opts;
  return &p->norm;
}
