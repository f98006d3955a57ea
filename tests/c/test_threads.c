/*
** Threads: several threads, each with its own connection, use the
** extension at the same time:
**
**   - every thread inserts rows into one shared FTS5 table (a WAL database
**     file, so writers take turns and readers do not wait) and queries it
**     with MATCH, highlight() and snippet();
**   - every thread also fills and queries an FTS5 table of its own in memory,
**     so the tokenizer itself runs in parallel;
**   - every thread calls every arabic* function and table-valued function
**     the extension registers (pragma_function_list, pragma_module_list)
**     and gets the same answer as the main thread.
**
** At the end every row is there, the index passes integrity-check and no
** thread saw an error. The tables use tokenize = 'arabic' when this build
** has the tokenizer, unicode61 otherwise (with a '# skip' line).
** `make test-tsan` builds this file with -fsanitize=thread.
*/
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "fts5_lookup.h"
#include "testlib.h"

#define N_THREADS 4
#define N_ROWS 40 /* rows each thread inserts */
#define MAX_CALLS 64

#define SAMPLE "قال الرئيس الأمريكي دونالد ترامب في واشنطن يوم ٢٠ يناير ٢٠٢٥ إنَّ روسيا وبوتين"

static const char *g_zTokenize = "unicode61";
static char g_zPath[256];

/* The calls of every registered function, with the main thread's answers. */
static struct {
  char zSql[512];
  char *zWant;
} g_aCall[MAX_CALLS];
static int g_nCall;

typedef struct Worker {
  pthread_t tid;
  int id;
  int nErr;
  char zErr[512]; /* the first error */
} Worker;

static void worker_error(Worker *w, sqlite3 *db, const char *zWhat) {
  if (w->nErr++ == 0)
    snprintf(w->zErr, sizeof(w->zErr), "thread %d: %.200s: %.200s", w->id, zWhat, db ? sqlite3_errmsg(db) : "");
}

/* The first column of the rows of zSql, '|' separated; NULL on error. */
static char *query(sqlite3 *db, const char *zSql) {
  sqlite3_stmt *pStmt = 0;
  sqlite3_str *pOut;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0);
  if (rc != SQLITE_OK) return 0;
  pOut = sqlite3_str_new(0);
  while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
    const char *z = (const char *)sqlite3_column_text(pStmt, 0);
    sqlite3_str_appendf(pOut, "%s|", z ? z : "NULL");
  }
  sqlite3_finalize(pStmt);
  if (rc != SQLITE_DONE) {
    sqlite3_free(sqlite3_str_finish(pOut));
    return 0;
  }
  return sqlite3_str_finish(pOut);
}

static int exec(sqlite3 *db, const char *zSql) { return sqlite3_exec(db, zSql, 0, 0, 0); }

static sqlite3 *open_shared(void) {
  sqlite3 *db = 0;
  if (sqlite3_open(g_zPath, &db) != SQLITE_OK) return db;
  sqlite3_busy_timeout(db, 30000);
  return db;
}

static void *work(void *pArg) {
  Worker *w = pArg;
  sqlite3 *db = open_shared();
  sqlite3 *mem = 0;
  char zSql[1024];
  int i, k;
  if (sqlite3_open(":memory:", &mem) != SQLITE_OK) worker_error(w, mem, "open memory");
  snprintf(zSql, sizeof(zSql), "CREATE VIRTUAL TABLE own USING fts5(body, tokenize = '%s')", g_zTokenize);
  if (exec(mem, zSql) != SQLITE_OK) worker_error(w, mem, "create own table");

  for (i = 0; i < N_ROWS && w->nErr == 0; i++) {
    char *z;
    snprintf(zSql, sizeof(zSql),
             "INSERT INTO docs(body) VALUES ('الخيط %d يكتب السطر %d: " SAMPLE "')", w->id, i);
    if (exec(db, zSql) != SQLITE_OK) worker_error(w, db, "insert shared");
    snprintf(zSql, sizeof(zSql), "INSERT INTO own(body) VALUES ('السطر %d: " SAMPLE "')", i);
    if (exec(mem, zSql) != SQLITE_OK) worker_error(w, mem, "insert own");

    z = query(db, "SELECT highlight(docs, 0, '[', ']') FROM docs WHERE docs MATCH 'ترامب' LIMIT 3");
    if (!z) worker_error(w, db, "highlight shared");
    sqlite3_free(z);
    z = query(mem, "SELECT snippet(own, 0, '[', ']', '…', 5) FROM own WHERE own MATCH 'روسيا AND الرئيس' "
                   "ORDER BY bm25(own)");
    if (!z) worker_error(w, mem, "snippet own");
    sqlite3_free(z);
    snprintf(zSql, sizeof(zSql), "SELECT count(*) FROM own WHERE own MATCH 'السطر'");
    z = query(mem, zSql);
    if (!z || atoi(z) != i + 1) worker_error(w, mem, "count own");
    sqlite3_free(z);

    for (k = 0; k < g_nCall; k++) {
      z = query(mem, g_aCall[k].zSql);
      if (!z || strcmp(z, g_aCall[k].zWant) != 0) worker_error(w, mem, g_aCall[k].zSql);
      sqlite3_free(z);
    }
  }
  sqlite3_close(mem);
  sqlite3_close(db);
  return 0;
}

/* Calls the generic list cannot make (a second argument other than ''); one
** the build cannot answer is left out. */
static const char *azExtra[] = {
    "SELECT arabic_translit('" SAMPLE "', 'buckwalter')",
    "SELECT arabic_untranslit(arabic_translit('" SAMPLE "', 'readable'), 'readable')",
    "SELECT group_concat(x, ',') FROM (SELECT column1 AS x FROM (VALUES ('أحمد'), ('احمد'), ('مُحَمَّد'), "
    "('محمد'), ('Zed')) ORDER BY x COLLATE arabic, x)",
    "SELECT count(*) FROM arabic_entities('" SAMPLE "')",
};

static void add_call(sqlite3 *db, const char *zSql) {
  if (g_nCall >= MAX_CALLS) return;
  snprintf(g_aCall[g_nCall].zSql, sizeof(g_aCall[0].zSql), "%s", zSql);
  g_aCall[g_nCall].zWant = query(db, zSql);
  if (g_aCall[g_nCall].zWant) g_nCall++; /* a call that fails on its own is not a thread test */
}

/* Fill g_aCall from what the extension registers, with the answers. */
static void list_calls(sqlite3 *db) {
  sqlite3_stmt *pStmt = 0;
  size_t i;
  sqlite3_prepare_v2(db,
                     "SELECT DISTINCT name, narg, 0 FROM pragma_function_list WHERE name LIKE 'arabic%' "
                     "UNION ALL SELECT name, 1, 1 FROM pragma_module_list WHERE name LIKE 'arabic%' "
                     "ORDER BY 1, 2",
                     -1, &pStmt, 0);
  while (sqlite3_step(pStmt) == SQLITE_ROW) {
    const char *zFunc = (const char *)sqlite3_column_text(pStmt, 0);
    int nArg = sqlite3_column_int(pStmt, 1);
    char zSql[512];
    if (nArg < 0) nArg = 1;
    if (nArg > 2) continue;
    if (sqlite3_column_int(pStmt, 2))
      snprintf(zSql, sizeof(zSql), "SELECT count(*) FROM %s('%s')", zFunc, SAMPLE);
    else
      snprintf(zSql, sizeof(zSql), "SELECT %s(%s%s)", zFunc, nArg >= 1 ? "'" SAMPLE "'" : "",
               nArg >= 2 ? ", ''" : "");
    add_call(db, zSql);
  }
  sqlite3_finalize(pStmt);
  for (i = 0; i < sizeof(azExtra) / sizeof(azExtra[0]); i++) add_call(db, azExtra[i]);
}

int main(void) {
  Worker aWorker[N_THREADS];
  sqlite3 *db;
  char *z, zWant[32];
  int i, nErr = 0;

  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  snprintf(g_zPath, sizeof(g_zPath), "%s/arabic-threads-%d.db", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp",
           (int)getpid());
  unlink(g_zPath);
  db = open_shared();
  check_int("threads: sqlite is threadsafe", sqlite3_threadsafe() != 0, 1);
  if (has_tokenizer(db, "arabic"))
    g_zTokenize = "arabic";
  else
    printf("# skip - threads: this build has no 'arabic' tokenizer: the tables use unicode61\n");
  list_calls(db);
  printf("# threads: %d threads, %d functions each, tokenize = '%s'\n", N_THREADS, g_nCall, g_zTokenize);
  exec(db, "PRAGMA journal_mode = WAL");
  z = sqlite3_mprintf("CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = '%s')", g_zTokenize);
  check_int("threads: create the shared table", exec(db, z), SQLITE_OK);
  sqlite3_free(z);

  for (i = 0; i < N_THREADS; i++) {
    memset(&aWorker[i], 0, sizeof(aWorker[i]));
    aWorker[i].id = i;
    pthread_create(&aWorker[i].tid, 0, work, &aWorker[i]);
  }
  for (i = 0; i < N_THREADS; i++) {
    pthread_join(aWorker[i].tid, 0);
    if (aWorker[i].nErr) printf("#   %s (%d errors)\n", aWorker[i].zErr, aWorker[i].nErr);
    nErr += aWorker[i].nErr;
  }
  check_int("threads: no thread saw an error", nErr, 0);

  snprintf(zWant, sizeof(zWant), "%d|", N_THREADS * N_ROWS);
  z = query(db, "SELECT count(*) FROM docs");
  check_str("threads: every row is in the table", z, zWant);
  sqlite3_free(z);
  z = query(db, "SELECT count(*) FROM docs WHERE docs MATCH 'ترامب'");
  check_str("threads: every row is in the index", z, zWant);
  sqlite3_free(z);
  check_int("threads: integrity-check", exec(db, "INSERT INTO docs(docs) VALUES ('integrity-check')"),
            SQLITE_OK);
  sqlite3_close(db);
  for (i = 0; i < g_nCall; i++) sqlite3_free(g_aCall[i].zWant);
  unlink(g_zPath);
  z = sqlite3_mprintf("%s-wal", g_zPath);
  unlink(z);
  sqlite3_free(z);
  z = sqlite3_mprintf("%s-shm", g_zPath);
  unlink(z);
  sqlite3_free(z);
  return test_done();
}
