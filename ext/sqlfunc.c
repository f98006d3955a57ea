/* Shared helpers of the SQL bindings (see sqlfunc.h). */
#include "sqlfunc.h"

#include <pthread.h>
#include <string.h>

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

int ar_analyzer_parse(ArTokenizer *t, int scope, const char *zOpts, int n, char *zErr) {
  ArOptions opts;
  ar_options_default(&opts);
  if ((int)strlen(zOpts) != n) {
    sqlite3_snprintf(AR_ERRMSG_SIZE, zErr, "the options hold a NUL byte");
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
    char *zMsg = sqlite3_mprintf("%s: %s", zFunc, zErr);
    sqlite3_free(t);
    if (zMsg) {
      sqlite3_result_error(ctx, zMsg, -1);
      sqlite3_free(zMsg);
    } else {
      sqlite3_result_error_nomem(ctx);
    }
    return 0;
  }
  sqlite3_set_auxdata(ctx, iArg, t, sqlite3_free);
  /* set_auxdata may free t at once (out of memory); ask again. */
  t = sqlite3_get_auxdata(ctx, iArg);
  if (!t) sqlite3_result_error_nomem(ctx);
  return t;
}
