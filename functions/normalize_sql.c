/*
** SQL bindings of the normalization core.
**
**   arabic_normalize(text [, options])  -- the tokenizer's folds on running text
**   arabic_strip_diacritics(text)       -- marks and tatweel removed, nothing else
*/
#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/alloc.h"

static void result_normalized(sqlite3_context *ctx, const ArNormalizer *n, sqlite3_value *v) {
  int nIn, nOut;
  char *zOut;
  const char *zIn = ar_arg_text(ctx, v, &nIn);
  if (!zIn) return;
  if (ar_normalize_text(n, zIn, nIn, &zOut, &nOut) != AR_OK) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, zOut, nOut, ar_free);
}

static void normalize_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const ArTokenizer *t;
  if (ar_any_null(argc, argv)) return;
  t = ar_arg_analyzer(ctx, "arabic_normalize", argc, argv, 1, AR_SCOPE_FOLD);
  if (t) result_normalized(ctx, &t->norm, argv[0]);
}

static void strip_diacritics_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  if (ar_any_null(1, argv)) return;
  result_normalized(ctx, sqlite3_user_data(ctx), argv[0]);
}

int arabic_register_normalize(sqlite3 *db) {
  int rc = SQLITE_OK;
  ArNormalizer *strip = sqlite3_malloc64(sizeof(*strip));
  if (!strip) return SQLITE_NOMEM;
  ar_normalizer_init(strip, AR_FOLD_STRIP_ONLY);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "arabic_normalize", 1, ARABIC_FUNC_FLAGS, 0, normalize_func, 0, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "arabic_normalize", 2, ARABIC_FUNC_FLAGS, 0, normalize_func, 0, 0);
  /* The destructor owns strip from here on, even when registration fails. */
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "arabic_strip_diacritics", 1, ARABIC_FUNC_FLAGS, strip,
                                    strip_diacritics_func, 0, 0, sqlite3_free);
  else
    sqlite3_free(strip);
  return rc;
}
