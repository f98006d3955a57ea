/*
** sqlite-arabic: Arabic text search and analysis for SQLite.
**
**   .load ./dist/arabic                       -- sqlite3 shell
**   conn.load_extension('./dist/arabic')      -- Python
**
** The entry point sqlite3_arabic_init() registers every SQL function and,
** when the connection has FTS5 (fts5_api version 2 or later), the 'arabic'
** tokenizer. Without FTS5 the functions still load; arabic_debug() then
** says why the tokenizer is missing.
**
** A program that links the static library calls
**   sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
** This is the only file that defines the SQLite API routine table.
*/
#define ARABIC_API_DEFINER
#include "sqlite_api.h"
SQLITE_EXTENSION_INIT1

#include <string.h>

#include "register.h"

/* Ask the connection for its FTS5 API, as fts5.h prescribes. */
static fts5_api *find_fts5(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *stmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &stmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(stmt, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(stmt);
  }
  sqlite3_finalize(stmt);
  return api;
}

#ifdef _WIN32
__declspec(dllexport)
#else
__attribute__((visibility("default")))
#endif
int sqlite3_arabic_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi) {
  int rc = SQLITE_OK;
  char zStatus[128];
  fts5_api *fts5;
  SQLITE_EXTENSION_INIT2(pApi);

  if (sqlite3_libversion_number() < 3031000) {
    if (pzErrMsg)
      *pzErrMsg = sqlite3_mprintf("arabic: SQLite 3.31.0 or later is required, this is %s", sqlite3_libversion());
    return SQLITE_ERROR;
  }
  fts5 = find_fts5(db);
  if (!fts5) {
    sqlite3_snprintf(sizeof(zStatus), zStatus,
                     "unavailable (this SQLite has no FTS5: the 'arabic' tokenizer is not registered)");
  } else if (fts5->iVersion < 2) {
    sqlite3_snprintf(sizeof(zStatus), zStatus,
                     "unavailable (fts5_api version %d, 2 or later is required)", fts5->iVersion);
    fts5 = 0;
  } else {
    sqlite3_snprintf(sizeof(zStatus), zStatus, "available (fts5_api version %d)", fts5->iVersion);
  }

  if (rc == SQLITE_OK) rc = arabic_register_debug(db, zStatus);
  if (rc == SQLITE_OK) rc = arabic_register_normalize(db);
  if (rc == SQLITE_OK) rc = arabic_register_search(db);
  if (rc == SQLITE_OK) rc = arabic_register_tokens(db);
  if (rc == SQLITE_OK && fts5) rc = arabic_register_tokenizer(db, fts5);
  if (rc == SQLITE_OK) rc = arabic_register_namekey(db);
  if (rc == SQLITE_OK) rc = arabic_register_entities(db);
  if (rc == SQLITE_OK) rc = arabic_register_date(db);
  if (rc == SQLITE_OK) rc = arabic_register_charset(db);
  if (rc == SQLITE_OK) rc = arabic_register_translit(db);
  if (rc == SQLITE_OK) rc = arabic_register_collation(db);
  if (rc != SQLITE_OK && pzErrMsg && !*pzErrMsg) {
    *pzErrMsg = sqlite3_mprintf("arabic: registration failed: %s", sqlite3_errstr(rc));
  }
  return rc;
}
