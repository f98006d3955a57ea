/* Shared helpers of the SQL bindings (see sqlfunc.h). */
#include "sqlfunc.h"

#include <string.h>

#include <pthread.h>

#include "../core/alloc.h"

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
  p = sqlite3_malloc64(sizeof(*p));
  if (!p) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  ar_options_default(&p->opts);
  if (ar_options_parse(&p->opts, scope, z, zErr)) {
    char *zMsg = sqlite3_mprintf("%s: %s", zFunc, zErr);
    sqlite3_free(p);
    if (zMsg) {
      sqlite3_result_error(ctx, zMsg, -1);
      sqlite3_free(zMsg);
    } else {
      sqlite3_result_error_nomem(ctx);
    }
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
