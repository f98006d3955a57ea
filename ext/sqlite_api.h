/*
** Every file that calls SQLite includes this header. In the loadable build
** the API goes through the routine table that ext/arabic.c defines with
** SQLITE_EXTENSION_INIT1; with -DSQLITE_CORE (static build) the calls are
** direct.
*/
#ifndef ARABIC_SQLITE_API_H
#define ARABIC_SQLITE_API_H

#include <sqlite3ext.h>
#ifndef ARABIC_API_DEFINER
SQLITE_EXTENSION_INIT3
#endif

#endif
