/*
** What each part of the extension registers on a connection. Every
** function returns SQLITE_OK or the first error, with *pzErr set (from
** sqlite3_mprintf) when there is something to say.
*/
#ifndef ARABIC_REGISTER_H
#define ARABIC_REGISTER_H

#include "sqlite_api.h"

/* The flags of every pure function the extension defines. */
#define ARABIC_FUNC_FLAGS (SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS)

int arabic_register_normalize(sqlite3 *db);
int arabic_register_translit(sqlite3 *db);
int arabic_register_collation(sqlite3 *db);
int arabic_register_debug(sqlite3 *db, const char *zFts5Status);
int arabic_register_search(sqlite3 *db);
int arabic_register_tokens(sqlite3 *db);
int arabic_register_tokenizer(sqlite3 *db, fts5_api *api);
int arabic_register_namekey(sqlite3 *db);
int arabic_register_entities(sqlite3 *db);
int arabic_register_date(sqlite3 *db);
int arabic_register_charset(sqlite3 *db);

#endif
