/*
** SQL bindings of the transliteration core.
**
**   arabic_translit(text [, scheme])    -- Arabic script -> Latin
**   arabic_untranslit(text [, scheme])  -- Latin -> Arabic script
**
** scheme is 'buckwalter' (the default), 'safe-buckwalter' or 'readable'
** (one way: arabic_untranslit refuses it). Characters outside the scheme
** pass through unchanged; arabic_untranslit(arabic_translit(x, s), s) = x
** for both Buckwalter schemes. See docs/transliteration.md.
*/
#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/alloc.h"
#include "../core/translit.h"
#include "../core/utf8.h"

#include <string.h>

/* The scheme named by argv[1], or the default; NULL after an error. */
static const ArTranslitScheme *arg_scheme(sqlite3_context *ctx, const char *zFunc, int argc,
                                          sqlite3_value **argv) {
  const ArTranslitScheme *s;
  const char *zName;
  int nName;
  if (argc < 2) return ar_translit_scheme("buckwalter");
  zName = (const char *)sqlite3_value_text(argv[1]);
  if (!zName) {
    sqlite3_result_error_nomem(ctx);
    return 0;
  }
  nName = sqlite3_value_bytes(argv[1]);
  if (memchr(zName, 0, (size_t)nName)) {
    ar_result_error_free(ctx, sqlite3_mprintf("%s: the scheme name holds a NUL character", zFunc));
    return 0;
  }
  s = ar_translit_scheme(zName);
  if (!s) {
    char zQuoted[48];
    ar_utf8_excerpt(zName, nName, zQuoted, 40);
    ar_result_error_free(ctx, sqlite3_mprintf("%s: unknown scheme '%s' (schemes: %s)", zFunc, zQuoted,
                                              AR_TRANSLIT_SCHEMES));
  }
  return s;
}

static void translit_common(sqlite3_context *ctx, int argc, sqlite3_value **argv, int reverse) {
  const char *zFunc = reverse ? "arabic_untranslit" : "arabic_translit";
  const ArTranslitScheme *s;
  const char *zIn;
  char *zOut;
  int nIn;
  size_t nOut;
  if (ar_any_null(argc, argv)) return;
  s = arg_scheme(ctx, zFunc, argc, argv);
  if (!s) return;
  if (reverse && !ar_translit_reversible(s)) {
    ar_result_error_free(ctx, sqlite3_mprintf("%s: scheme '%s' is one way and cannot be reversed", zFunc,
                                              sqlite3_value_text(argv[1])));
    return;
  }
  zIn = ar_arg_text(ctx, argv[0], &nIn);
  if (!zIn) return;
  zOut = ar_malloc(ar_translit_bound((size_t)nIn));
  if (!zOut) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  nOut = reverse ? ar_untranslit(s, zIn, nIn, zOut) : ar_translit(s, zIn, nIn, zOut);
  sqlite3_result_text64(ctx, zOut, nOut, ar_free, SQLITE_UTF8);
}

static void translit_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  translit_common(ctx, argc, argv, 0);
}

static void untranslit_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  translit_common(ctx, argc, argv, 1);
}

int arabic_register_translit(sqlite3 *db) {
  int rc = SQLITE_OK, nArg;
  for (nArg = 1; nArg <= 2 && rc == SQLITE_OK; nArg++) {
    rc = sqlite3_create_function(db, "arabic_translit", nArg, ARABIC_FUNC_FLAGS, 0, translit_func, 0, 0);
    if (rc == SQLITE_OK)
      rc = sqlite3_create_function(db, "arabic_untranslit", nArg, ARABIC_FUNC_FLAGS, 0,
                                   untranslit_func, 0, 0);
  }
  return rc;
}
