/*
** The user's gazetteer, main.arabic_gazetteer(name, type, canonical), as
** arabic_entities reads it (functions/gazetteer_sql.c): a cache per
** connection that is read again only when the table may have changed, and
** the guard that turns a gazetteer reading itself into an error.
*/
#ifndef ARABIC_GAZETTEER_SQL_H
#define ARABIC_GAZETTEER_SQL_H

#include "../ext/sqlite_api.h"
#include "../core/ner/ner.h"

/* What the functions that read arabic_gazetteer share on one connection. */
typedef struct GazetteerConn GazetteerConn;

/* A new state for db with one reference, or NULL (out of memory). */
GazetteerConn *gazetteer_conn_new(sqlite3 *db);
/* Give one reference back (the destructor of a module that holds one). */
void gazetteer_conn_unref(void *p);
void gazetteer_conn_ref(GazetteerConn *g);

/* The cache of one arabic_entities table. */
typedef struct GazetteerCache GazetteerCache;
GazetteerCache *gazetteer_cache_new(GazetteerConn *g);
void gazetteer_cache_free(GazetteerCache *c);

/* The user's names, read again when the table may have changed since the
** last read; *ppTab is NULL when there is no gazetteer. Returns SQLITE_OK
** or an error, with *pzErr (sqlite3_malloc'd) set for anything but
** SQLITE_NOMEM. */
int gazetteer_names(GazetteerCache *c, const ArNameTable **ppTab, char **pzErr);

/* The table-valued function arabic_gazetteer_check on db. */
int gazetteer_register_check(sqlite3 *db, GazetteerConn *g);

#endif
