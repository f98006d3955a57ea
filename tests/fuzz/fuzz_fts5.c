/*
** libFuzzer target: the 'arabic' tokenizer through FTS5.
**
** Input: one byte choosing the tokenizer options, one byte saying where
** the rest splits, then a document and a MATCH string. Each input inserts
** the document into two columns, runs the MATCH string with bm25(),
** highlight() and snippet(), deletes the row again and runs FTS5's
** integrity-check, which re-tokenizes the stored text and fails if the
** tokenizer is not deterministic or its offsets are wrong. A syntax error
** in the MATCH string is expected; any other failure aborts. When the
** build has arabic_query(), the same string goes through it and the
** resulting expression must be accepted by MATCH.
** Without the 'arabic' tokenizer (a build before it), unicode61 is used.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "../c/fts5_lookup.h"

static const char *azOptions[] = {"", "stem 0", "variants 1", "stopwords 1", "alef 0 hamza 0 teh_marbuta 0",
                                  "diacritics 0 tatweel 0", "case 0 digits 0", "version 1", "version 1 variants 1"};
#define N_OPTIONS (int)(sizeof(azOptions) / sizeof(azOptions[0]))

static sqlite3 *g_db;
static int g_bQuery; /* arabic_query() is registered */

static void must(int rc, const char *zWhat) {
  if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
    fprintf(stderr, "fuzz_fts5: %s: %s\n", zWhat, sqlite3_errmsg(g_db));
    abort();
  }
}

static void setup(void) {
  int i;
  const char *zTok;
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  must(sqlite3_open(":memory:", &g_db), "open");
  zTok = has_tokenizer(g_db, "arabic") ? "arabic" : "unicode61";
  if (strcmp(zTok, "arabic") != 0) fprintf(stderr, "fuzz_fts5: no 'arabic' tokenizer, using unicode61\n");
  for (i = 0; i < N_OPTIONS; i++) {
    char *z = sqlite3_mprintf("CREATE VIRTUAL TABLE d%d USING fts5(a, b, tokenize = '%s %s')", i, zTok,
                              strcmp(zTok, "arabic") == 0 ? azOptions[i] : "");
    must(sqlite3_exec(g_db, z, 0, 0, 0), z);
    sqlite3_free(z);
  }
  g_bQuery = sqlite3_exec(g_db, "SELECT arabic_query('x')", 0, 0, 0) == SQLITE_OK;
}

/* Step zSql with ?1 = the document, ?2 = the MATCH string; returns rc. */
static int run(const char *zSql, const uint8_t *zDoc, int nDoc, const uint8_t *zMatch, int nMatch) {
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(g_db, zSql, -1, &pStmt, 0);
  must(rc, zSql);
  sqlite3_bind_text(pStmt, 1, (const char *)zDoc, nDoc, SQLITE_STATIC);
  sqlite3_bind_text(pStmt, 2, (const char *)zMatch, nMatch, SQLITE_STATIC);
  while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
    int i;
    for (i = 0; i < sqlite3_column_count(pStmt); i++) sqlite3_column_text(pStmt, i);
  }
  sqlite3_finalize(pStmt);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  char zSql[512];
  int iTab, nDoc, nMatch, rc;
  const uint8_t *zDoc, *zMatch;
  if (!g_db) setup();
  if (size < 2 || size > 65536) return 0;
  iTab = data[0] % N_OPTIONS;
  nDoc = (int)((size - 2) * data[1] / 255);
  zDoc = data + 2;
  zMatch = zDoc + nDoc;
  nMatch = (int)size - 2 - nDoc;

  snprintf(zSql, sizeof(zSql), "INSERT INTO d%d(rowid, a, b) VALUES (1, ?1, ?2)", iTab);
  must(run(zSql, zDoc, nDoc, zMatch, nMatch), "insert");
  snprintf(zSql, sizeof(zSql),
           "SELECT bm25(d%d), highlight(d%d, 0, '[', ']'), snippet(d%d, -1, '[', ']', '...', 8) "
           "FROM d%d WHERE d%d MATCH ?2 ORDER BY rank",
           iTab, iTab, iTab, iTab, iTab);
  rc = run(zSql, zDoc, nDoc, zMatch, nMatch);
  if (rc != SQLITE_OK && rc != SQLITE_ERROR) must(rc, "match");
  snprintf(zSql, sizeof(zSql), "SELECT highlight(d%d, 1, '<', '>') FROM d%d WHERE d%d MATCH ?1", iTab, iTab,
           iTab);
  rc = run(zSql, zDoc, nDoc, zMatch, nMatch);
  if (rc != SQLITE_OK && rc != SQLITE_ERROR) must(rc, "match the document");
  if (g_bQuery) {
    snprintf(zSql, sizeof(zSql),
             "SELECT highlight(d%d, 0, '[', ']') FROM d%d WHERE d%d MATCH arabic_query(?2)", iTab, iTab, iTab);
    rc = run(zSql, zDoc, nDoc, zMatch, nMatch);
    /* arabic_query of text with no word at all gives '' or NULL, which MATCH may reject;
    ** a column filter the user typed may name a column the table lacks */
    if (rc != SQLITE_OK && strncmp(sqlite3_errmsg(g_db), "no such column", 14) != 0) {
      sqlite3_stmt *pStmt = 0;
      const char *zQ = 0;
      sqlite3_prepare_v2(g_db, "SELECT arabic_query(?1)", -1, &pStmt, 0);
      sqlite3_bind_text(pStmt, 1, (const char *)zMatch, nMatch, SQLITE_STATIC);
      if (sqlite3_step(pStmt) == SQLITE_ROW) zQ = (const char *)sqlite3_column_text(pStmt, 0);
      if (zQ && zQ[0]) {
        fprintf(stderr, "fuzz_fts5: MATCH rejects arabic_query()'s output [%s]\n", zQ);
        abort();
      }
      sqlite3_finalize(pStmt);
    }
  }
  snprintf(zSql, sizeof(zSql), "DELETE FROM d%d", iTab);
  must(run(zSql, zDoc, nDoc, zMatch, nMatch), "delete");
  snprintf(zSql, sizeof(zSql), "INSERT INTO d%d(d%d) VALUES ('integrity-check')", iTab, iTab);
  must(run(zSql, zDoc, nDoc, zMatch, nMatch), "integrity-check");
  return 0;
}
