/*
** libFuzzer target: every arabic* SQL function and table-valued function
** the extension registers (pragma_function_list, pragma_module_list), so a
** function added later is fuzzed without an edit here.
**
** Input: one byte choosing the function, one byte saying where the rest
** splits, then the text argument and a second argument (options, scheme,
** ...) for functions that take two. Each is passed as text and as a blob.
** An error result (a bad option, say) is expected; a crash, a sanitizer
** report or a result that is not valid UTF-8 text is not.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "strict_utf8.h"

#define MAX_CALLS 64

static sqlite3 *g_db;
static sqlite3_stmt *g_aStmt[MAX_CALLS];
static int g_nStmt;

static void setup(void) {
  sqlite3_stmt *pList = 0;
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  if (sqlite3_open(":memory:", &g_db) != SQLITE_OK) abort();
  sqlite3_prepare_v2(g_db,
                     "SELECT DISTINCT name, narg, 0 FROM pragma_function_list WHERE name LIKE 'arabic%' "
                     "UNION ALL SELECT name, 1, 1 FROM pragma_module_list WHERE name LIKE 'arabic%' "
                     "ORDER BY 1, 2",
                     -1, &pList, 0);
  while (sqlite3_step(pList) == SQLITE_ROW && g_nStmt < MAX_CALLS) {
    const char *zName = (const char *)sqlite3_column_text(pList, 0);
    int nArg = sqlite3_column_int(pList, 1);
    char *zSql;
    if (nArg < 0) nArg = 2;
    if (nArg < 1 || nArg > 2) continue;
    if (sqlite3_column_int(pList, 2))
      zSql = sqlite3_mprintf("SELECT * FROM %s(?1)", zName);
    else
      zSql = sqlite3_mprintf(nArg == 1 ? "SELECT %s(?1)" : "SELECT %s(?1, ?2)", zName);
    if (sqlite3_prepare_v2(g_db, zSql, -1, &g_aStmt[g_nStmt], 0) == SQLITE_OK) g_nStmt++;
    sqlite3_free(zSql);
  }
  sqlite3_finalize(pList);
  fprintf(stderr, "fuzz_functions: %d calls\n", g_nStmt);
}

static void check_text(const unsigned char *z, int n) {
  if (!strict_utf8(z, n)) abort();
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  sqlite3_stmt *pStmt;
  int nText, bBlob;
  if (!g_db) setup();
  if (size < 2 || size > 65536 || g_nStmt == 0) return 0;
  pStmt = g_aStmt[data[0] % g_nStmt];
  nText = (int)((size - 2) * data[1] / 255);
  for (bBlob = 0; bBlob <= 1; bBlob++) {
    int rc;
    if (bBlob)
      sqlite3_bind_blob(pStmt, 1, data + 2, nText, SQLITE_STATIC);
    else
      sqlite3_bind_text(pStmt, 1, (const char *)data + 2, nText, SQLITE_STATIC);
    if (sqlite3_bind_parameter_count(pStmt) >= 2)
      sqlite3_bind_text(pStmt, 2, (const char *)data + 2 + nText, (int)size - 2 - nText, SQLITE_STATIC);
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      int i;
      for (i = 0; i < sqlite3_column_count(pStmt); i++) {
        if (sqlite3_column_type(pStmt, i) == SQLITE_TEXT) {
          const unsigned char *z = sqlite3_column_text(pStmt, i);
          check_text(z, sqlite3_column_bytes(pStmt, i));
        }
      }
    }
    if (rc != SQLITE_DONE && rc != SQLITE_ERROR) {
      fprintf(stderr, "fuzz_functions: %s: %s\n", sqlite3_sql(pStmt), sqlite3_errmsg(g_db));
      abort();
    }
    sqlite3_reset(pStmt);
  }
  return 0;
}
