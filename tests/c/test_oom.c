/*
** Out-of-memory injection, as SQLite tests itself: every scenario (a SQL
** script run on a fresh connection with the extension loaded) is run once
** cleanly, then again with the N-th allocation failing, for N = 1, 2, ...
** until a run makes fewer than N allocations. Each N is tried twice: the
** N-th allocation alone fails (transient), and the N-th and every later one
** fail (persistent).
**
** A faulted run passes when it ends in SQLITE_NOMEM or another error with a
** message, or succeeds with exactly the output of the clean run (an error
** swallowed into a wrong answer is a failure), and when closing the
** connection gives every byte back (no leak). A crash fails the whole
** binary.
**
** The allocator is a counting wrapper around SQLite's own, installed with
** sqlite3_config(SQLITE_CONFIG_MALLOC) before sqlite3_initialize(); the
** extension allocates only through sqlite3_malloc64, so every allocation it
** makes is a fault point.
**
** Scenarios are data: a line of aScenario names what it needs (a function,
** a table-valued function or an FTS5 tokenizer) and is skipped, with a
** '# skip' line, on a build that lacks it. Its setup statements (creating
** tables) run before faults are armed, which keeps the number of runs, and
** so the time, down; a scenario without setup has the opening of the
** connection (sqlite3_arabic_init) faulted as well. Besides the listed scenarios,
** every arabic* function and table-valued function that the extension
** registers (pragma_function_list, pragma_module_list) is called with a
** sample text, so a new function is covered without an edit here.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "fts5_lookup.h"
#include "testlib.h"

typedef struct Scenario {
  const char *zName;
  const char *zRequires; /* "fts5:arabic", "func:arabic_stem", "module:arabic_tokens", "collation:arabic" or NULL */
  const char *zSetup;    /* run before faults are armed; NULL: opening the connection is faulted too */
  const char *zSql;      /* statements; rows come out as 'a|b' lines */
  const char *zWant;     /* the clean run's exact output, or NULL to take it as is */
  int bLossyAux;         /* see LOSSY_AUX */
} Scenario;

/* SQLite's own highlight() and snippet() (FTS5 of 3.40.1, unicode61 as
** well) can lose a match when one allocation fails and the next succeed:
** the statement succeeds with a phrase not highlighted or another
** fragment. In scenarios marked LOSSY_AUX such a result of a transient
** fault is counted and shown, not failed; persistent faults stay strict. */
#define LOSSY_AUX 1

#define SAMPLE "قال الرئيس الأمريكي دونالد ترامب في واشنطن يوم ٢٠ يناير ٢٠٢٥ إنَّ روسيا"

static const Scenario aScenario[] = {
    {"normalize (connection opening faulted too)", 0, 0,
     "SELECT arabic_normalize('مُحَمَّدٌ كتــاب أحمد');"
     "SELECT arabic_normalize('أحمد على', 'alef 0 yeh 0');"
     "SELECT arabic_strip_diacritics('مُحَمَّدٌ');",
     "محمد كتاب احمد\nأحمد على\nمحمد\n", 0},
    {"normalize bad option", 0, "", "SELECT arabic_normalize('x', 'alef');",
     "error: arabic_normalize: option 'alef' has no value (options are key value pairs)\n", 0},
    {"normalize over a table", 0,
     "CREATE TABLE t(x);"
     "INSERT INTO t VALUES ('مُحَمَّدٌ'), ('Élan'), (x'D8FF41'), (NULL), (42);",
     "SELECT count(*), sum(length(arabic_normalize(x, 'alef 0'))) FROM t;",
     "5|13\n", 0},
    /* SQLite's own tokenizer: the yardstick the harness itself must pass. */
    {"fts5 unicode61", 0, "",
     "CREATE VIRTUAL TABLE d USING fts5(body);"
     "INSERT INTO d VALUES ('قال الرئيس بوتين'), ('وبوتين في موسكو');"
     "SELECT highlight(d, 0, '[', ']') FROM d WHERE d MATCH 'بوتين';",
     "قال الرئيس [بوتين]\n", 0},
    {"fts5 unicode61: highlight, snippet, bm25", 0,
     "CREATE VIRTUAL TABLE d USING fts5(body);"
     "INSERT INTO d VALUES ('قال الرئيس الروسي فلاديمير بوتين إنَّ الكرملين يرحب');"
     "INSERT INTO d VALUES ('التقى وبوتين بالرئيس في موسكو');",
     "SELECT highlight(d, 0, '[', ']') FROM d WHERE d MATCH 'بوتين' ORDER BY rank;"
     "SELECT snippet(d, 0, '[', ']', '…', 4) FROM d WHERE d MATCH 'الكرملين';"
     "SELECT rowid, bm25(d) < 0 FROM d WHERE d MATCH 'بوتين OR موسكو' ORDER BY rowid;",
     0, LOSSY_AUX},
    {"fts5 arabic: create with options, insert, match", "fts5:arabic", "",
     "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic alef 0 stem 0');"
     "INSERT INTO d VALUES ('أحمد في المدرسة');"
     "SELECT rowid FROM d WHERE d MATCH 'أحمد';",
     "1\n", 0},
    {"fts5 arabic: insert, match", "fts5:arabic",
     "CREATE VIRTUAL TABLE d USING fts5(title, body, tokenize = 'arabic');",
     "INSERT INTO d VALUES ('بوتين', 'قال الرئيس الروسي فلاديمير بوتين إنَّ الكرملين');"
     "INSERT INTO d VALUES ('ترامب', 'التقى وبوتين بالرئيس ترامب في البيت الأبيض');"
     "INSERT INTO d VALUES ('x', x'D8FF41');"
     "SELECT rowid FROM d WHERE d MATCH 'بوتين' ORDER BY rowid;"
     "SELECT rowid FROM d WHERE d MATCH 'الرئيس AND ترامب';"
     "SELECT rowid FROM d WHERE d MATCH 'بوت*' ORDER BY rowid;"
     "SELECT rowid FROM d WHERE d MATCH '\"البيت الأبيض\"';"
     "SELECT rowid FROM d WHERE d MATCH 'NEAR(الرئيس بوتين, 3)';",
     0, 0},
    {"fts5 arabic: highlight, snippet, bm25", "fts5:arabic",
     "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic');"
     "INSERT INTO d VALUES ('قال الرئيس الروسي فلاديمير بوتين إنَّ الكرملين يرحب');"
     "INSERT INTO d VALUES ('التقى وبوتين بالرئيس في موسكو');",
     "SELECT highlight(d, 0, '[', ']') FROM d WHERE d MATCH 'بوتين' ORDER BY rank;"
     "SELECT snippet(d, 0, '[', ']', '…', 4) FROM d WHERE d MATCH 'الكرملين';"
     "SELECT rowid, bm25(d) < 0 FROM d WHERE d MATCH 'بوتين OR موسكو' ORDER BY rowid;",
     0, LOSSY_AUX},
    {"fts5 arabic: variants", "fts5:arabic",
     "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic variants 1');"
     "INSERT INTO d VALUES ('قال ترمب'), ('قال ترامب');",
     "SELECT rowid FROM d WHERE d MATCH '\"~ترامب\"' ORDER BY rowid;",
     0, 0},
    {"fts5 arabic: token format 1, prefix and variants", "fts5:arabic",
     "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic version 1 variants 1');"
     "INSERT INTO d VALUES ('قال ترمب في الحكومة'), ('قال ترامب');",
     "SELECT rowid FROM d WHERE d MATCH '\"~ترامب\" OR الحكو*' ORDER BY rowid;",
     0, 0},
    {"fts5 arabic: delete, update, optimize", "fts5:arabic",
     "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic');"
     "INSERT INTO d(rowid, body) VALUES (1, 'أحمد في المدرسة'), (2, 'احمد في البيت');",
     "UPDATE d SET body = 'أحمد في الجامعة' WHERE rowid = 1;"
     "DELETE FROM d WHERE rowid = 2;"
     "INSERT INTO d(d) VALUES ('optimize');"
     "INSERT INTO d(d) VALUES ('integrity-check');"
     "SELECT rowid FROM d WHERE d MATCH 'الجامعة';",
     "1\n", 0},
    {"fts5 arabic: external content", "fts5:arabic",
     "CREATE TABLE src(id INTEGER PRIMARY KEY, body TEXT);"
     "CREATE VIRTUAL TABLE d USING fts5(body, content = 'src', content_rowid = 'id', tokenize = 'arabic');"
     "INSERT INTO src VALUES (1, 'قال الرئيس بوتين'), (2, 'وبوتين في موسكو');",
     "INSERT INTO d(d) VALUES ('rebuild');"
     "SELECT rowid FROM d WHERE d MATCH 'بوتين' ORDER BY rowid;"
     "INSERT INTO d(d) VALUES ('integrity-check');",
     "1\n2\n", 0},
    {"fts5 arabic: vocabulary", "fts5:arabic",
     "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = 'arabic');"
     "CREATE VIRTUAL TABLE v USING fts5vocab(d, 'row');",
     "INSERT INTO d VALUES ('الكتاب كتاب وكتاب');"
     "SELECT count(*) > 0 FROM v;",
     "1\n", 0},
    {"arabic_tokens", "module:arabic_tokens", "",
     "SELECT * FROM arabic_tokens('" SAMPLE "');"
     "SELECT count(*) FROM arabic_tokens(x'D8FF41');",
     0, 0},
    {"arabic_stem and arabic_query", "func:arabic_query", "",
     "SELECT arabic_stem('" SAMPLE "');"
     "SELECT arabic_query('" SAMPLE " \"AND\" (NEAR *');"
     "SELECT arabic_query('NOT a (b OR c) -d NEAR(e f, 3) title:(g) () (NOT h) x AND -(y z)');",
     0, 0},
    {"arabic_entities", "module:arabic_entities", "",
     "SELECT entity, type, start, length, canonical FROM arabic_entities('" SAMPLE "');", 0, 0},
    {"arabic_entities with a gazetteer", "module:arabic_entities",
     "CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT);",
     "INSERT INTO arabic_gazetteer VALUES ('زيد الخيل', 'PERSON', 'زيد الخيل'), ('قرية النخيل', 'LOCATION', 'قرية النخيل');"
     "SELECT entity, type, canonical FROM arabic_entities('زار زيد الخيل قرية النخيل أمس');",
     0, 0},
    {"the gazetteer cache: writes, rollback, savepoints, a view", "module:arabic_entities",
     "CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT);"
     "INSERT INTO arabic_gazetteer VALUES ('زيد الخيل', 'PERSON', NULL);",
     "SELECT entity, canonical FROM arabic_entities('زار زيد الخيل قرية النخيل');"
     "BEGIN; INSERT INTO arabic_gazetteer VALUES ('قرية النخيل', 'LOCATION', 'النخيل');"
     "SELECT entity, canonical FROM arabic_entities('زار زيد الخيل قرية النخيل');"
     "SAVEPOINT a; DELETE FROM arabic_gazetteer;"
     "SELECT count(*) FROM arabic_entities('زار زيد الخيل قرية النخيل') WHERE canonical = 'النخيل';"
     "ROLLBACK TO a; ROLLBACK;"
     "SELECT entity, canonical FROM arabic_entities('زار زيد الخيل قرية النخيل');"
     "ALTER TABLE arabic_gazetteer RENAME TO names;"
     "CREATE VIEW arabic_gazetteer AS SELECT name, type, 'ز' AS canonical FROM names;"
     "SELECT entity, canonical FROM arabic_entities('زار زيد الخيل');",
     "زيد الخيل|زيد الخيل\n"
     "زيد الخيل|زيد الخيل\nقرية النخيل|النخيل\n"
     "0\n"
     "زيد الخيل|زيد الخيل\n"
     "زيد الخيل|ز\n",
     0},
    {"a gazetteer that reads itself", "module:arabic_entities",
     "CREATE VIEW arabic_gazetteer(name, type, canonical) AS "
     "SELECT entity, type, canonical FROM arabic_entities('قال زيد الخيل');",
     "SELECT * FROM arabic_entities('قال بوتين');",
     "error: arabic_entities: arabic_gazetteer reads itself (through arabic_entities or arabic_gazetteer_check): "
     "a gazetteer cannot depend on entity extraction\n",
     0},
    {"arabic_gazetteer_check", "module:arabic_gazetteer_check",
     "CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT);"
     "INSERT INTO arabic_gazetteer VALUES ('زيد', 'RIVER', NULL), ('زيد', 'PERSON', x'ff'), ('، ؛', 'PERSON', NULL);",
     "SELECT row, problem, name, type FROM arabic_gazetteer_check;",
     "1|unknown type|زيد|RIVER\n2|canonical is not valid UTF-8|زيد|PERSON\n3|no word, or more than 6 words|، ؛|PERSON\n",
     0},
    {"options holding a NUL", "func:arabic_normalize", "", "SELECT arabic_normalize('x', 'alef 0' || char(0) || 'zzz');",
     "error: arabic_normalize: the options hold a NUL character\n", 0},
    {"arabic_translit and arabic_untranslit", "func:arabic_translit", "",
     "SELECT arabic_translit('" SAMPLE "', 'buckwalter');"
     "SELECT arabic_untranslit(arabic_translit('" SAMPLE "', 'safe-buckwalter'), 'safe-buckwalter');"
     "SELECT arabic_translit('" SAMPLE "', 'readable');",
     0, 0},
    {"arabic_translit unknown scheme", "func:arabic_translit", "", "SELECT arabic_translit('x', 'nope');",
     "error: arabic_translit: unknown scheme 'nope' (schemes: buckwalter, safe-buckwalter, readable)\n", 0},
    {"COLLATE arabic", "collation:arabic",
     "CREATE TABLE n(x);"
     "INSERT INTO n VALUES ('أحمد'), ('احمد'), ('مُحَمَّد'), ('محمد'), ('Zed'), (x'D8FF41'), (NULL);",
     "SELECT count(DISTINCT x COLLATE arabic) FROM n;"
     "SELECT group_concat(x, ',') FROM (SELECT x FROM n ORDER BY x COLLATE arabic, x);"
     "CREATE INDEX n_x ON n(x COLLATE arabic);"
     "SELECT count(*) FROM n WHERE x = 'احمد' COLLATE arabic;",
     0, 0},
    {"arabic_name_key", "func:arabic_name_key", "",
     "SELECT arabic_name_key('ترمب') = arabic_name_key('ترامب');", "1\n", 0},
};

/* ---- the counting allocator -------------------------------------------- */

static sqlite3_mem_methods g_sys; /* SQLite's default allocator */
static struct {
  long long nCall;   /* allocations seen since the run began */
  long long nFailAt; /* fail the nFailAt-th (0: never) */
  int bPersist;      /* and every one after it */
  long long nFailed; /* allocations refused in this run */
  long long nLive;   /* outstanding allocations */
} g;

static int refuse(void) {
  g.nCall++;
  if (g.nFailAt > 0 && (g.nCall == g.nFailAt || (g.bPersist && g.nCall > g.nFailAt))) {
    g.nFailed++;
    return 1;
  }
  return 0;
}

static void *count_malloc(int n) {
  void *p;
  if (refuse()) return 0;
  p = g_sys.xMalloc(n);
  if (p) g.nLive++;
  return p;
}

static void count_free(void *p) {
  if (p) g.nLive--;
  g_sys.xFree(p);
}

static void *count_realloc(void *p, int n) {
  if (refuse()) return 0;
  return g_sys.xRealloc(p, n);
}

static int count_size(void *p) { return g_sys.xSize(p); }
static int count_roundup(int n) { return g_sys.xRoundup(n); }
static int count_init(void *p) { return g_sys.xInit(p); }
static void count_shutdown(void *p) { g_sys.xShutdown(p); }

static void install_allocator(void) {
  sqlite3_mem_methods m;
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_sys);
  m = g_sys;
  m.xMalloc = count_malloc;
  m.xFree = count_free;
  m.xRealloc = count_realloc;
  m.xSize = count_size;
  m.xRoundup = count_roundup;
  m.xInit = count_init;
  m.xShutdown = count_shutdown;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
  /* No lookaside: each small allocation is a fault point of its own. */
  sqlite3_config(SQLITE_CONFIG_LOOKASIDE, 0, 0);
}

/* ---- running a script -------------------------------------------------- */

typedef struct Outcome {
  int rc;            /* SQLITE_OK or the first error */
  char zOut[16384];  /* rows, then 'error: MESSAGE' if a statement failed */
  int nOut;
  long long nAlloc;  /* allocations the run made */
  long long nLeaked; /* allocations outstanding after close */
} Outcome;

static void out_append(Outcome *o, const char *z) {
  int n = (int)strlen(z);
  if (o->nOut + n >= (int)sizeof(o->zOut)) n = (int)sizeof(o->zOut) - 1 - o->nOut;
  memcpy(o->zOut + o->nOut, z, (size_t)n);
  o->nOut += n;
  o->zOut[o->nOut] = 0;
}

static void out_error(Outcome *o, sqlite3 *db, int rc) {
  const char *zMsg = db ? sqlite3_errmsg(db) : sqlite3_errstr(rc);
  o->rc = rc;
  out_append(o, "error: ");
  out_append(o, zMsg ? zMsg : "(no message)");
  out_append(o, "\n");
}

static int run_statements(sqlite3 *db, const char *zSql, Outcome *o) {
  while (zSql && *zSql) {
    sqlite3_stmt *pStmt = 0;
    const char *zTail = 0;
    int rc = sqlite3_prepare_v2(db, zSql, -1, &pStmt, &zTail);
    if (rc != SQLITE_OK) {
      out_error(o, db, rc);
      return rc;
    }
    zSql = zTail;
    if (!pStmt) continue;
    while ((rc = sqlite3_step(pStmt)) == SQLITE_ROW) {
      int i, nCol = sqlite3_column_count(pStmt);
      for (i = 0; i < nCol; i++) {
        const char *z = (const char *)sqlite3_column_text(pStmt, i);
        if (!z && sqlite3_column_type(pStmt, i) != SQLITE_NULL) {
          rc = SQLITE_NOMEM;
          break;
        }
        if (i) out_append(o, "|");
        out_append(o, z ? z : "NULL");
      }
      if (rc == SQLITE_NOMEM) break;
      out_append(o, "\n");
    }
    if (rc == SQLITE_NOMEM && sqlite3_errcode(db) != SQLITE_NOMEM) {
      /* A column conversion failed: SQLite reports it on the connection only
      ** from the next call, so say it here. */
      sqlite3_finalize(pStmt);
      o->rc = rc;
      out_append(o, "error: out of memory (column text)\n");
      return rc;
    }
    if (rc != SQLITE_DONE) {
      out_error(o, db, rc);
      sqlite3_finalize(pStmt);
      return rc;
    }
    rc = sqlite3_finalize(pStmt);
    if (rc != SQLITE_OK) {
      out_error(o, db, rc);
      return rc;
    }
  }
  return SQLITE_OK;
}

static void arm(long long nFailAt, int bPersist) {
  g.nCall = 0;
  g.nFailed = 0;
  g.nFailAt = nFailAt;
  g.bPersist = bPersist;
}

/* One run on a fresh connection: zSetup (if not NULL) runs unfaulted, then
** zSql with the nFailAt-th allocation refused. */
static void run_once(const char *zSetup, const char *zSql, long long nFailAt, int bPersist, Outcome *o) {
  sqlite3 *db = 0;
  long long nBase = g.nLive;
  int rc;
  memset(o, 0, sizeof(*o));
  arm(zSetup ? 0 : nFailAt, bPersist);
  rc = sqlite3_open_v2(":memory:", &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, 0);
  if (rc == SQLITE_OK && zSetup) {
    rc = run_statements(db, zSetup, o);
    if (rc != SQLITE_OK) {
      out_append(o, "(in the setup)\n");
    } else {
      arm(nFailAt, bPersist);
    }
  }
  if (rc != SQLITE_OK) {
    if (!o->rc) out_error(o, db, rc);
  } else {
    run_statements(db, zSql, o);
  }
  rc = sqlite3_close(db);
  g.nFailAt = 0;
  if (rc != SQLITE_OK) {
    char z[64];
    snprintf(z, sizeof(z), "close: %s\n", sqlite3_errstr(rc));
    out_append(o, z);
    o->rc = rc;
  }
  o->nAlloc = g.nCall;
  o->nLeaked = g.nLive - nBase;
}

/* ---- what a scenario needs --------------------------------------------- */

static int has_row(sqlite3 *db, const char *zSql, const char *zName) {
  sqlite3_stmt *pStmt = 0;
  int found = 0;
  if (sqlite3_prepare_v2(db, zSql, -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_text(pStmt, 1, zName, -1, SQLITE_STATIC);
    found = sqlite3_step(pStmt) == SQLITE_ROW;
  }
  sqlite3_finalize(pStmt);
  return found;
}

static int has_requirement(sqlite3 *db, const char *zReq) {
  if (!zReq) return 1;
  if (strncmp(zReq, "fts5:", 5) == 0) return has_tokenizer(db, zReq + 5);
  if (strncmp(zReq, "func:", 5) == 0)
    return has_row(db, "SELECT 1 FROM pragma_function_list WHERE name = ?1", zReq + 5);
  if (strncmp(zReq, "module:", 7) == 0)
    return has_row(db, "SELECT 1 FROM pragma_module_list WHERE name = ?1", zReq + 7);
  if (strncmp(zReq, "collation:", 10) == 0)
    return has_row(db, "SELECT 1 FROM pragma_collation_list WHERE name = ?1", zReq + 10);
  return 0;
}

/* ---- the fault loop ---------------------------------------------------- */

static long long g_nPoints;    /* fault positions exercised, all scenarios */
static int g_nScenarios;

static void run_scenario(const char *zName, const char *zSetup, const char *zSql, const char *zWant,
                         int bLossyAux) {
  static Outcome clean, faulted;
  char zTest[256];
  long long n, nFailures = 0, nNomem = 0, nLossy = 0;
  int bPersist;

  run_once(zSetup, zSql, 0, 0, &clean);
  snprintf(zTest, sizeof(zTest), "oom: %s: clean run", zName);
  if (zWant) {
    check_str(zTest, clean.zOut, zWant);
  } else {
    test_result(clean.rc == SQLITE_OK, zTest);
    if (clean.rc != SQLITE_OK) printf("#   %s", clean.zOut);
  }
  snprintf(zTest, sizeof(zTest), "oom: %s: clean run leaks nothing", zName);
  check_int(zTest, clean.nLeaked, 0);

  for (bPersist = 0; bPersist <= 1; bPersist++) {
    for (n = 1;; n++) {
      int bad = 0;
      run_once(zSetup, zSql, n, bPersist, &faulted);
      if (g.nFailed == 0) break; /* the run made fewer than n allocations */
      if (faulted.rc == SQLITE_NOMEM) nNomem++;
      if (faulted.nLeaked != 0) {
        bad = 1;
        printf("#   %s fault at %lld: %lld allocations leaked\n", bPersist ? "persistent" : "transient",
               n, faulted.nLeaked);
      }
      if (faulted.rc == SQLITE_OK && strcmp(faulted.zOut, clean.zOut) != 0 && bLossyAux && !bPersist) {
        nLossy++;
      } else if (faulted.rc == SQLITE_OK && strcmp(faulted.zOut, clean.zOut) != 0) {
        bad = 1;
        printf("#   %s fault at %lld: success with a wrong result:\n#   [%s]\n",
               bPersist ? "persistent" : "transient", n, faulted.zOut);
      }
      if (faulted.rc != SQLITE_OK && faulted.rc != SQLITE_NOMEM && !strstr(faulted.zOut, "error: ")) {
        bad = 1;
        printf("#   %s fault at %lld: error %d without a message\n", bPersist ? "persistent" : "transient",
               n, faulted.rc);
      }
      if (bad && ++nFailures >= 5) break;
    }
    if (!bPersist) g_nPoints += n - 1;
  }
  snprintf(zTest, sizeof(zTest), "oom: %s: every allocation failure is clean (%lld fault points)", zName,
           clean.nAlloc);
  test_result(nFailures == 0, zTest);
  printf("# oom: %s: %lld allocations, %lld faulted runs ended in SQLITE_NOMEM\n", zName, clean.nAlloc,
         nNomem);
  if (nLossy)
    printf("# oom: %s: %lld transient faults lost a highlight in SQLite's highlight()/snippet()\n", zName,
           nLossy);
  g_nScenarios++;
}

/* Scenarios for every registered arabic* function and table-valued
** function, called with the sample text (and '' for an options argument). */
static void run_registered(sqlite3 *db) {
  sqlite3_stmt *pStmt = 0;
  int rc = sqlite3_prepare_v2(
      db,
      "SELECT DISTINCT name, narg, 'func' FROM pragma_function_list WHERE name LIKE 'arabic%' "
      "UNION ALL SELECT name, 1, 'module' FROM pragma_module_list WHERE name LIKE 'arabic%' "
      "ORDER BY 1, 2",
      -1, &pStmt, 0);
  check_int("oom: list of registered functions", rc, SQLITE_OK);
  while (rc == SQLITE_OK && sqlite3_step(pStmt) == SQLITE_ROW) {
    const char *zFunc = (const char *)sqlite3_column_text(pStmt, 0);
    int nArg = sqlite3_column_int(pStmt, 1);
    int bModule = strcmp((const char *)sqlite3_column_text(pStmt, 2), "module") == 0;
    char zSql[1024], zName[200];
    static Outcome probe;
    if (nArg < 0) nArg = 1;
    if (nArg > 2) continue; /* no sample arguments for these: list them in aScenario */
    if (bModule)
      snprintf(zSql, sizeof(zSql), "SELECT * FROM %s('%s');", zFunc, SAMPLE);
    else
      snprintf(zSql, sizeof(zSql), "SELECT %s(%s%s);", zFunc, nArg >= 1 ? "'" SAMPLE "'" : "",
               nArg >= 2 ? ", ''" : "");
    snprintf(zName, sizeof(zName), "%s %s/%d", bModule ? "table-valued" : "function", zFunc, nArg);
    run_once("", zSql, 0, 0, &probe);
    if (probe.rc != SQLITE_OK && bModule) { /* one that takes no argument */
      snprintf(zSql, sizeof(zSql), "SELECT * FROM %s;", zFunc);
      run_once("", zSql, 0, 0, &probe);
    }
    if (probe.rc != SQLITE_OK) {
      printf("# skip - oom: %s: the sample call fails: %s", zName, probe.zOut);
      continue;
    }
    run_scenario(zName, "", zSql, 0, 0);
  }
  sqlite3_finalize(pStmt);
}

int main(void) {
  sqlite3 *db = 0;
  size_t i;
  Outcome warm;
  install_allocator();
  sqlite3_initialize();
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  /* The first connection sets up process-wide state (VFS, ICU, tables)
  ** that is never given back: not a leak of any later connection. */
  run_once(0, "SELECT arabic_version();", 0, 0, &warm);

  sqlite3_open(":memory:", &db);
  /* Process-wide tables that a function builds on first use (the entity
  ** model, name lists) are kept for the life of the process: build them
  ** all before counting. */
  for (i = 0; i < sizeof(aScenario) / sizeof(aScenario[0]); i++) {
    if (has_requirement(db, aScenario[i].zRequires))
      run_once(aScenario[i].zSetup, aScenario[i].zSql, 0, 0, &warm);
  }
  for (i = 0; i < sizeof(aScenario) / sizeof(aScenario[0]); i++) {
    const Scenario *s = &aScenario[i];
    if (!has_requirement(db, s->zRequires)) {
      printf("# skip - oom: %s: this build has no %s\n", s->zName, s->zRequires);
      continue;
    }
    run_scenario(s->zName, s->zSetup, s->zSql, s->zWant, s->bLossyAux);
  }
  run_registered(db);
  sqlite3_close(db);
  printf("# oom: %lld allocation points exercised in %d scenarios (each transient and persistent)\n",
         g_nPoints, g_nScenarios);
  return test_done();
}
