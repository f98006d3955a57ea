/*
** arabic_version() and arabic_debug(): what this build is.
**
**   SELECT arabic_version();   -- '0.2.0'
**   SELECT arabic_debug();     -- one 'key: value' line per build fact
**
** The Unicode version matters: tokens are stored in FTS5 indexes, so a
** library with other Unicode tables may fold a rare character differently.
*/
#include <unicode/uversion.h>
#include <utf8proc.h>

#include "register.h"

#ifndef ARABIC_VERSION
#error "ARABIC_VERSION must be defined by the build (from the VERSION file)"
#endif
#ifndef ARABIC_COMMIT
#define ARABIC_COMMIT "unknown"
#endif

static void version_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_text(ctx, ARABIC_VERSION, -1, SQLITE_STATIC);
}

static void debug_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  UVersionInfo icu;
  char zIcu[U_MAX_VERSION_STRING_LENGTH];
  char *z;
  (void)argc;
  (void)argv;
  u_getVersion(icu);
  u_versionToString(icu, zIcu);
  z = sqlite3_mprintf(
      "version: %s\ncommit: %s\nsqlite compiled: %s\nsqlite runtime: %s\n"
      "icu: %s\nutf8proc: %s\nunicode: %s\nfts5: %s\nbuild: %s",
      ARABIC_VERSION, ARABIC_COMMIT, SQLITE_VERSION, sqlite3_libversion(), zIcu,
      utf8proc_version(), utf8proc_unicode_version(), (const char *)sqlite3_user_data(ctx),
#ifdef SQLITE_CORE
      "static"
#else
      "loadable"
#endif
  );
  if (!z) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  sqlite3_result_text(ctx, z, -1, sqlite3_free);
}

int arabic_register_debug(sqlite3 *db, const char *zFts5Status) {
  int rc = sqlite3_create_function(db, "arabic_version", 0, ARABIC_FUNC_FLAGS, 0, version_func, 0, 0);
  if (rc == SQLITE_OK) {
    char *zStatus = sqlite3_mprintf("%s", zFts5Status);
    if (!zStatus) return SQLITE_NOMEM;
    /* Not deterministic across builds, but constant in one process. */
    rc = sqlite3_create_function_v2(db, "arabic_debug", 0, ARABIC_FUNC_FLAGS, zStatus, debug_func,
                                    0, 0, sqlite3_free);
  }
  return rc;
}
