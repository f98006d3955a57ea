/*
** The entry point through a static link: registration on a normal
** connection, and on one where FTS5 cannot be found (simulated by a user
** function that shadows fts5()): the functions still load and
** arabic_debug() says why the tokenizer is missing. The entity model and
** name tables, shared by connections, are given back when the last one
** closes and built again by the next (ASan and valgrind watch this test).
*/
#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "testlib.h"

static char g_text[512];

static const char *one(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *st;
  g_text[0] = 0;
  if (sqlite3_prepare_v2(db, zSql, -1, &st, 0) != SQLITE_OK) {
    snprintf(g_text, sizeof(g_text), "error: %s", sqlite3_errmsg(db));
    return g_text;
  }
  if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0)) {
    snprintf(g_text, sizeof(g_text), "%s", (const char *)sqlite3_column_text(st, 0));
  } else if (sqlite3_errcode(db) != SQLITE_OK && sqlite3_errcode(db) != SQLITE_DONE) {
    snprintf(g_text, sizeof(g_text), "error: %s", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return g_text;
}

static void no_fts5(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  (void)argc;
  (void)argv;
  sqlite3_result_null(ctx);
}

int main(void) {
  sqlite3 *db;
  char *zErr = 0;

  sqlite3_open(":memory:", &db);
  check_int("init on a normal connection", sqlite3_arabic_init(db, &zErr, 0), SQLITE_OK);
  check_str("a query through the static library", one(db, "SELECT arabic_normalize('أَحْمَد')"), "احمد");
  check_str("the tokenizer is there",
            one(db, "CREATE VIRTUAL TABLE t USING fts5(x, tokenize = 'arabic')"), "");
  check_str("the debug line says the static build",
            one(db, "SELECT arabic_debug() LIKE '%build: static%'"), "1");
  sqlite3_close(db);

  sqlite3_open(":memory:", &db);
  sqlite3_create_function(db, "fts5", 1, SQLITE_UTF8, 0, no_fts5, 0, 0);
  check_int("init without FTS5 still succeeds", sqlite3_arabic_init(db, &zErr, 0), SQLITE_OK);
  check_str("the functions load", one(db, "SELECT arabic_stem('والمفاوضات')"), "مفاوضه");
  check_str("arabic_debug says why there is no tokenizer",
            one(db, "SELECT instr(arabic_debug(), 'fts5: unavailable (this SQLite has no FTS5: "
                    "the ''arabic'' tokenizer is not registered)') > 0"),
            "1");
  sqlite3_close(db);

  {
    static const char *zEnt = "SELECT group_concat(canonical, '|') FROM arabic_entities('قال ترمب إن بوتين في موسكو')";
    static const char *zWant = "دونالد ترامب|فلاديمير بوتين|موسكو";
    sqlite3 *db1, *db2;
    sqlite3_open(":memory:", &db1);
    sqlite3_open(":memory:", &db2);
    sqlite3_arabic_init(db1, &zErr, 0);
    sqlite3_arabic_init(db2, &zErr, 0);
    check_str("entities on the first connection", one(db1, zEnt), zWant);
    sqlite3_close(db1);
    check_str("entities on the second after the first closed (tables kept)", one(db2, zEnt), zWant);
    sqlite3_close(db2);
    sqlite3_open(":memory:", &db1);
    sqlite3_arabic_init(db1, &zErr, 0);
    check_str("entities after every connection closed (tables built again)", one(db1, zEnt), zWant);
    sqlite3_close(db1);
  }
  sqlite3_free(zErr);
  return test_done();
}
