/*
** Test helpers: the fts5_api of a connection (the documented "SELECT
** fts5(?1)" pointer handshake) and whether it has a tokenizer.
*/
#ifndef ARABIC_TEST_FTS5_LOOKUP_H
#define ARABIC_TEST_FTS5_LOOKUP_H

#include <sqlite3.h>

static inline fts5_api *fts5_api_of(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return api;
}

static inline int has_tokenizer(sqlite3 *db, const char *zName) {
  fts5_api *api = fts5_api_of(db);
  void *pUser = 0;
  fts5_tokenizer tok;
  return api && api->xFindTokenizer(api, zName, &pUser, &tok) == SQLITE_OK;
}

#endif
