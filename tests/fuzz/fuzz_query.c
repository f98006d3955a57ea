/*
** libFuzzer target: arabic_query() of any text is an expression MATCH
** accepts, and the expression it writes is its own result: FTS5 syntax
** that arabic_query keeps comes back unchanged, so what a user typed is
** read once, the way MATCH reads it.
**
** Input: one byte choosing the options, then the text. Checks, for each
** input: arabic_query(text) succeeds; MATCH runs it on a two-column table
** (title, body) of a few Arabic rows, failing at most with FTS5's "no such
** column" (a column filter the user typed for a column the table lacks);
** arabic_query(result) = result.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"

static const char *azOptions[] = {"", "any 1", "prefix 1", "any 1 prefix 1"};
#define N_OPTIONS (int)(sizeof(azOptions) / sizeof(azOptions[0]))

static sqlite3 *g_db;
static sqlite3_stmt *g_pQuery, *g_pMatch;

static void must(int rc, const char *zWhat) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    fprintf(stderr, "fuzz_query: %s: %s\n", zWhat, sqlite3_errmsg(g_db));
    abort();
  }
}

static void setup(void) {
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  must(sqlite3_open(":memory:", &g_db), "open");
  must(sqlite3_exec(g_db,
                    "CREATE VIRTUAL TABLE d USING fts5(title, body, tokenize = 'arabic');"
                    "INSERT INTO d VALUES ('ترامب وبوتين', 'لقاء في موسكو حول وقف إطلاق النار'),"
                    " ('بوتين', 'كييف وكورسك'), ('ترمب', 'واشنطن and NEAR OR')",
                    0, 0, 0),
       "setup");
  must(sqlite3_prepare_v2(g_db, "SELECT arabic_query(?1, ?2)", -1, &g_pQuery, 0), "prepare");
  must(sqlite3_prepare_v2(g_db, "SELECT rowid, highlight(d, 0, '[', ']') FROM d WHERE d MATCH ?1 ORDER BY rank",
                          -1, &g_pMatch, 0),
       "prepare");
}

/* arabic_query(z, zOpt), as a string the caller frees. */
static char *query(const char *z, int n, const char *zOpt) {
  char *zOut;
  sqlite3_bind_text(g_pQuery, 1, z, n, SQLITE_STATIC);
  sqlite3_bind_text(g_pQuery, 2, zOpt, -1, SQLITE_STATIC);
  must(sqlite3_step(g_pQuery), "arabic_query");
  zOut = sqlite3_mprintf("%s", (const char *)sqlite3_column_text(g_pQuery, 0));
  sqlite3_reset(g_pQuery);
  if (!zOut) abort();
  return zOut;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *zOpt;
  char *zQ, *zQ2;
  int rc;
  if (!g_db) setup();
  if (size < 1 || size > 4096) return 0;
  zOpt = azOptions[data[0] % N_OPTIONS];
  zQ = query((const char *)data + 1, (int)size - 1, zOpt);
  sqlite3_bind_text(g_pMatch, 1, zQ, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(g_pMatch)) == SQLITE_ROW) {}
  if (rc != SQLITE_DONE && strncmp(sqlite3_errmsg(g_db), "no such column", 14) != 0) {
    fprintf(stderr, "fuzz_query: MATCH rejects arabic_query()'s output [%s]: %s\n", zQ, sqlite3_errmsg(g_db));
    abort();
  }
  sqlite3_reset(g_pMatch);
  zQ2 = query(zQ, -1, zOpt);
  if (strcmp(zQ, zQ2) != 0) {
    fprintf(stderr, "fuzz_query: arabic_query(%s) is [%s], not itself\n", zQ, zQ2);
    abort();
  }
  sqlite3_free(zQ);
  sqlite3_free(zQ2);
  return 0;
}
