/*
** Public header for programs that link sqlite-arabic statically:
**
**   #include <sqlite3.h>
**   #include "sqlite_arabic.h"
**   sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
**
** Link with: libsqlite_arabic.a -lsqlite3 -licuuc -licudata -lutf8proc -lpthread
*/
#ifndef SQLITE_ARABIC_H
#define SQLITE_ARABIC_H

#include <sqlite3.h>

#ifdef __cplusplus
extern "C" {
#endif

int sqlite3_arabic_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#ifdef __cplusplus
}
#endif

#endif
