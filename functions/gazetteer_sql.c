/*
** The user's gazetteer: main.arabic_gazetteer(name, type, canonical).
**
**   SELECT * FROM arabic_gazetteer_check; -- row, problem, name, type of each row not used
**
** arabic_entities reads the table once and keeps its names until the table
** may have changed. What it watches, on its own connection:
**
**   - commits of other connections: PRAGMA data_version;
**   - schema changes (the table created, dropped, altered, or turned into a
**     view), rollbacks of schema changes included: a probe statement of its
**     own, which SQLite prepares again after any of them (its
**     SQLITE_STMTSTATUS_REPREPARE count moves);
**   - its own connection's writes to the table: three TEMP triggers on
**     main.arabic_gazetteer stamp the row of temp.arabic_gazetteer_version
**     with random() on every insert, update and delete. The row is part of
**     the transaction: a ROLLBACK or ROLLBACK TO takes the stamp back with
**     the rows it stamped, and a new write never gives an old stamp (a
**     count would: the same number of writes after a rollback).
**
** No commit, rollback or update hook is installed: a connection has one of
** each and it belongs to the application. When the triggers cannot be made
** (the gazetteer is a view or a virtual table, the connection is
** query_only, an authorizer says no), any write on the connection reads the
** table again, and so does the first statement after a transaction in
** which the table was read. Statements that were running when the triggers
** were made do not fire them: until they end, the same rule applies.
**
** Only main.arabic_gazetteer is read, never a table of that name in an
** attached database or in temp. A gazetteer that reads itself (a view over
** arabic_entities or arabic_gazetteer_check) is an error, not a recursion.
*/
#include "gazetteer_sql.h"

#include <string.h>

#include "../ext/sqlfunc.h"
#include "../core/alloc.h"
#include "../core/ner/entities.h"
#include "../core/utf8.h"

/* ---- the connection: the recursion guard ---- */

struct GazetteerConn {
  sqlite3 *db;
  int nRef;
  int busy;      /* a function is reading arabic_gazetteer */
  int recursion; /* ... and a read inside it was refused */
};

GazetteerConn *gazetteer_conn_new(sqlite3 *db) {
  GazetteerConn *g = sqlite3_malloc64(sizeof(*g));
  if (!g) return 0;
  memset(g, 0, sizeof(*g));
  g->db = db;
  g->nRef = 1;
  return g;
}

void gazetteer_conn_ref(GazetteerConn *g) { g->nRef++; }

void gazetteer_conn_unref(void *p) {
  GazetteerConn *g = p;
  if (g && --g->nRef == 0) sqlite3_free(g);
}

static char *recursion_message(const char *zFunc) {
  return sqlite3_mprintf("%s: arabic_gazetteer reads itself (through arabic_entities or "
                         "arabic_gazetteer_check): a gazetteer cannot depend on entity extraction",
                         zFunc);
}

/* Start reading the gazetteer; SQLITE_ERROR when a read is already under
** way on this connection (the gazetteer is reading itself). */
static int guard_enter(GazetteerConn *g, const char *zFunc, char **pzErr) {
  if (g->busy) {
    g->recursion = 1;
    *pzErr = recursion_message(zFunc);
    return *pzErr ? SQLITE_ERROR : SQLITE_NOMEM;
  }
  g->busy = 1;
  g->recursion = 0;
  return SQLITE_OK;
}

/* End the read. A failure caused by a refused nested read is reported as
** the recursion it is, whatever the statements in between made of it. */
static int guard_leave(GazetteerConn *g, const char *zFunc, int rc, char **pzErr) {
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM && g->recursion) {
    sqlite3_free(*pzErr);
    *pzErr = recursion_message(zFunc);
    if (!*pzErr) rc = SQLITE_NOMEM;
  }
  g->busy = g->recursion = 0;
  return rc;
}

/* "zFunc: cannot read arabic_gazetteer: <SQLite's message>", valid UTF-8
** even when the message quotes malformed bytes of the schema. */
static char *read_error(sqlite3 *db, const char *zFunc) {
  char zWhy[AR_ERRMSG_SIZE + 8];
  const char *z = sqlite3_errmsg(db);
  ar_utf8_excerpt(z, (int)strlen(z), zWhy, AR_ERRMSG_SIZE);
  return sqlite3_mprintf("%s: cannot read arabic_gazetteer: %s", zFunc, zWhy);
}

/* ---- rows ---- */

#define GAZ_SQL "SELECT name, type, canonical FROM main.arabic_gazetteer"
#define GAZ_SQL_NULL_ROW "SELECT name, type, canonical, NULL FROM main.arabic_gazetteer"

/* Why the canonical (column 2) cannot be used, or NULL. */
static const char *canonical_problem(sqlite3_stmt *st) {
  const unsigned char *z = sqlite3_column_text(st, 2);
  int n = sqlite3_column_bytes(st, 2), i = 0;
  while (z && i < n) {
    int start = i;
    uint32_t c = ar_utf8_decode(z, n, &i);
    if (c == 0) return "canonical holds a NUL character";
    if (c == AR_REPLACEMENT_CHAR && i - start == 1) return "canonical is not valid UTF-8";
  }
  return 0;
}

/* Is row (name, type, canonical) one arabic_entities uses? NULL, or why
** not; *pType the type. */
static const char *row_problem(sqlite3_stmt *st, int *pType) {
  const char *zName = (const char *)sqlite3_column_text(st, 0);
  const char *zType = (const char *)sqlite3_column_text(st, 1);
  *pType = zType ? ar_entity_type_of(zType, sqlite3_column_bytes(st, 1)) : 0;
  if (!zName || !zName[0]) return "empty name";
  if (!*pType) return "unknown type";
  return canonical_problem(st);
}

/* Add the row to tab: AR_OK, AR_NOMEM, or 1 (no word, or too many). */
static int row_add(ArNameTable *tab, sqlite3_stmt *st, int type) {
  return ar_name_table_add(tab, ar_default_normalizer(), (const char *)sqlite3_column_text(st, 0),
                           sqlite3_column_bytes(st, 0), type, (const char *)sqlite3_column_text(st, 2),
                           sqlite3_column_bytes(st, 2));
}

#define PROBLEM_WORDS "no word, or more than 6 words"

/* Is there a main.arabic_gazetteer, and is it a table (a virtual table
** included) rather than a view? The type column of a hostile file may be
** written in any case ('Table'): SQLite reads the schema from its sql. */
static int gazetteer_kind(sqlite3 *db, int *pExists, int *pTable) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db,
                              "SELECT lower(type) = 'table' FROM main.sqlite_schema "
                              "WHERE name = 'arabic_gazetteer' COLLATE NOCASE AND lower(type) IN ('table', 'view')",
                              -1, &st, 0);
  if (rc != SQLITE_OK) return rc;
  *pExists = *pTable = 0;
  if (sqlite3_step(st) == SQLITE_ROW) {
    *pExists = 1;
    *pTable = sqlite3_column_int(st, 0);
  }
  return sqlite3_finalize(st);
}

/* ---- the cache of arabic_entities ---- */

/* What says whether the table may have changed. */
typedef struct Stamp {
  sqlite3_int64 version;     /* temp.arabic_gazetteer_version, when watched */
  sqlite3_int64 dataVersion; /* PRAGMA data_version */
  int reprepared;            /* the probe's SQLITE_STMTSTATUS_REPREPARE */
  int changes;               /* sqlite3_total_changes */
} Stamp;

/* A statement that was running when the triggers were made. Only compared
** with the statements of sqlite3_next_stmt, never followed. */
typedef struct Writer {
  sqlite3_stmt *p;
  int reprepared;
} Writer;

struct GazetteerCache {
  GazetteerConn *conn;
  ArNameTable tab;
  int loaded;      /* tab and at describe a read */
  int exists;      /* there was a gazetteer */
  int watched;     /* the triggers and the version table exist */
  int untracked;   /* read while statements that do not fire them were running */
  int provisional; /* read during a write transaction */
  Stamp at;        /* at the read */
  sqlite3_stmt *pProbe, *pDataVersion;
  Writer *aWriter;
  int nWriter;
};

GazetteerCache *gazetteer_cache_new(GazetteerConn *g) {
  GazetteerCache *c = sqlite3_malloc64(sizeof(*c));
  if (!c) return 0;
  memset(c, 0, sizeof(*c));
  c->conn = g;
  return c;
}

void gazetteer_cache_free(GazetteerCache *c) {
  if (!c) return;
  ar_name_table_free(&c->tab);
  sqlite3_finalize(c->pProbe);
  sqlite3_finalize(c->pDataVersion);
  sqlite3_free(c->aWriter);
  sqlite3_free(c);
}

#define VERSION_TABLE "arabic_gazetteer_version"
/* The stamp: an UPDATE of a table without constraints, which no conflict
** clause of the statement that fires it (REPLACE, UPSERT, OR IGNORE) can
** make fail. The table is made by CREATE TABLE AS, which changes no row
** that changes() or total_changes() would count. A trigger may not name
** the schema of the table it writes: the WHEN keeps it from writing a main
** table of that name, or failing the user's write, once the TEMP one is
** dropped. */
#define WATCH_TRIGGER(op)                                                                             \
  "CREATE TEMP TRIGGER IF NOT EXISTS arabic_gazetteer_version_" op " AFTER " op                      \
  " ON main.arabic_gazetteer WHEN EXISTS (SELECT 1 FROM temp.sqlite_schema WHERE type = 'table' AND " \
  "name = '" VERSION_TABLE "') BEGIN UPDATE " VERSION_TABLE " SET v = random(); END;"
#define WATCH_SQL                                                                                     \
  "CREATE TEMP TABLE IF NOT EXISTS " VERSION_TABLE " AS SELECT random() AS v;" WATCH_TRIGGER("insert") \
  WATCH_TRIGGER("update") WATCH_TRIGGER("delete")
#define WATCH_COUNT_SQL                                                                               \
  "SELECT count(*) FROM temp.sqlite_schema WHERE (type = 'table' AND name = '" VERSION_TABLE "') OR " \
  "(type = 'trigger' AND tbl_name = 'arabic_gazetteer' COLLATE NOCASE AND name IN ('arabic_gazetteer_version_insert', " \
  "'arabic_gazetteer_version_update', 'arabic_gazetteer_version_delete'))"

/* The probe: its reads of main and temp make SQLite prepare it again after
** any schema change of either; watched, it also reads the version. */
#define PROBE_WATCHED                                                                                 \
  "SELECT (SELECT v FROM temp." VERSION_TABLE " LIMIT 1), (SELECT 1 FROM main.sqlite_schema WHERE 0)"
#define PROBE_UNWATCHED                                                                               \
  "SELECT NULL, (SELECT 1 FROM main.sqlite_schema WHERE 0), (SELECT 1 FROM temp.sqlite_schema WHERE 0)"

static int is_writer(sqlite3_stmt *p) { return sqlite3_stmt_busy(p) && !sqlite3_stmt_readonly(p); }

/* Is a statement of the connection writing? Then a transaction is open. */
static int in_write_transaction(sqlite3 *db) {
  sqlite3_stmt *p;
  if (!sqlite3_get_autocommit(db)) return 1;
  for (p = sqlite3_next_stmt(db, 0); p; p = sqlite3_next_stmt(db, p)) {
    if (is_writer(p)) return 1;
  }
  return 0;
}

/* The statements writing now, which the triggers about to be made will
** not fire for. */
static int writers_remember(GazetteerCache *c) {
  sqlite3 *db = c->conn->db;
  sqlite3_stmt *p;
  int n = 0;
  sqlite3_free(c->aWriter);
  c->aWriter = 0;
  c->nWriter = 0;
  for (p = sqlite3_next_stmt(db, 0); p; p = sqlite3_next_stmt(db, p)) n += is_writer(p);
  if (n == 0) return SQLITE_OK;
  c->aWriter = sqlite3_malloc64(sizeof(Writer) * (sqlite3_uint64)n);
  if (!c->aWriter) return SQLITE_NOMEM;
  for (p = sqlite3_next_stmt(db, 0); p && c->nWriter < n; p = sqlite3_next_stmt(db, p)) {
    if (!is_writer(p)) continue;
    c->aWriter[c->nWriter].p = p;
    c->aWriter[c->nWriter].reprepared = sqlite3_stmt_status(p, SQLITE_STMTSTATUS_REPREPARE, 0);
    c->nWriter++;
  }
  return SQLITE_OK;
}

/* Is one of those statements still running, not prepared again since? A
** statement that ends and runs again is prepared again first (the
** triggers changed the schema), so once none is left, none comes back
** and the list is forgotten. */
static int writers_running(GazetteerCache *c) {
  sqlite3_stmt *p;
  int i;
  if (c->nWriter == 0) return 0;
  for (p = sqlite3_next_stmt(c->conn->db, 0); p; p = sqlite3_next_stmt(c->conn->db, p)) {
    if (!is_writer(p)) continue;
    for (i = 0; i < c->nWriter; i++) {
      if (c->aWriter[i].p == p && c->aWriter[i].reprepared == sqlite3_stmt_status(p, SQLITE_STMTSTATUS_REPREPARE, 0))
        return 1;
    }
  }
  sqlite3_free(c->aWriter);
  c->aWriter = 0;
  c->nWriter = 0;
  return 0;
}

/* Make the triggers unless they exist; *pWatched says whether they do.
** Failing to make them (a virtual table, query_only, an authorizer) is not
** an error: the cache is then more careful. */
static int watch(GazetteerCache *c, int *pWatched) {
  sqlite3 *db = c->conn->db;
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, WATCH_COUNT_SQL, -1, &st, 0), n = 0;
  *pWatched = 0;
  if (rc != SQLITE_OK) return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
  if (sqlite3_step(st) == SQLITE_ROW) n = sqlite3_column_int(st, 0);
  rc = sqlite3_finalize(st);
  if (rc != SQLITE_OK) return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
  if (n == 4) {
    *pWatched = 1;
    return SQLITE_OK;
  }
  rc = writers_remember(c);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, WATCH_SQL, 0, 0, 0);
  if (rc == SQLITE_OK) {
    *pWatched = 1;
    return SQLITE_OK;
  }
  c->nWriter = 0;
  return rc == SQLITE_NOMEM ? rc : SQLITE_OK;
}

static int step_int64(sqlite3_stmt *st, sqlite3_int64 *pv) {
  int rc = sqlite3_step(st);
  *pv = rc == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  if (rc == SQLITE_ROW || rc == SQLITE_DONE) return sqlite3_reset(st);
  sqlite3_reset(st);
  return rc;
}

/* The stamp now. SQLITE_ERROR (no message) when the probe no longer runs:
** the version table was dropped. */
static int stamp_now(GazetteerCache *c, Stamp *s) {
  int rc;
  if (!c->pProbe || !c->pDataVersion) return SQLITE_ERROR;
  rc = step_int64(c->pProbe, &s->version);
  if (rc == SQLITE_OK) rc = step_int64(c->pDataVersion, &s->dataVersion);
  s->reprepared = sqlite3_stmt_status(c->pProbe, SQLITE_STMTSTATUS_REPREPARE, 0);
  s->changes = sqlite3_total_changes(c->conn->db);
  return rc;
}

static int cache_valid(GazetteerCache *c, const Stamp *now) {
  if (!c->loaded) return 0;
  if (now->reprepared != c->at.reprepared || now->dataVersion != c->at.dataVersion ||
      now->version != c->at.version)
    return 0;
  if (!c->exists) return 1; /* a gazetteer appears only with a schema change */
  if (c->watched && !c->untracked) return 1;
  /* Any write may have changed it, and a rollback may take back what was read. */
  return now->changes == c->at.changes && !c->provisional;
}

static int prepare_probes(GazetteerCache *c, int watched) {
  sqlite3 *db = c->conn->db;
  int rc = SQLITE_OK;
  if (!c->pProbe || watched != c->watched) {
    sqlite3_finalize(c->pProbe);
    c->pProbe = 0;
    rc = sqlite3_prepare_v2(db, watched ? PROBE_WATCHED : PROBE_UNWATCHED, -1, &c->pProbe, 0);
  }
  if (rc == SQLITE_OK && !c->pDataVersion)
    rc = sqlite3_prepare_v2(db, "PRAGMA main.data_version", -1, &c->pDataVersion, 0);
  return rc;
}

static int cache_read(GazetteerCache *c, const char *zFunc, char **pzErr) {
  sqlite3 *db = c->conn->db;
  sqlite3_stmt *st = 0;
  int rc, exists, isTable, watched = 0;
  ar_name_table_free(&c->tab);
  c->loaded = c->exists = 0;
  rc = gazetteer_kind(db, &exists, &isTable);
  if (rc == SQLITE_OK && isTable) rc = watch(c, &watched);
  if (!watched) c->nWriter = 0;
  if (rc == SQLITE_OK) rc = prepare_probes(c, watched);
  c->watched = watched;
  c->untracked = writers_running(c);
  /* The stamp before the rows: a change while they are read is seen next time. */
  if (rc == SQLITE_OK) rc = stamp_now(c, &c->at);
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_NOMEM) *pzErr = read_error(db, zFunc);
    return rc;
  }
  c->provisional = in_write_transaction(db);
  if (exists) {
    rc = sqlite3_prepare_v2(db, GAZ_SQL, -1, &st, 0);
    if (rc == SQLITE_OK && ar_name_table_init(&c->tab, 64) != AR_OK) rc = SQLITE_NOMEM;
    while (rc == SQLITE_OK && (rc = sqlite3_step(st)) == SQLITE_ROW) {
      int type;
      rc = SQLITE_OK;
      if (!row_problem(st, &type) && row_add(&c->tab, st, type) == AR_NOMEM) rc = SQLITE_NOMEM;
    }
    if (rc == SQLITE_DONE) rc = SQLITE_OK;
    if (rc != SQLITE_OK && rc != SQLITE_NOMEM) *pzErr = read_error(db, zFunc);
    sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
      ar_name_table_free(&c->tab);
      return rc;
    }
  }
  c->exists = exists;
  c->loaded = 1;
  return SQLITE_OK;
}

int gazetteer_names(GazetteerCache *c, const ArNameTable **ppTab, char **pzErr) {
  static const char zFunc[] = "arabic_entities";
  Stamp now;
  int rc = guard_enter(c->conn, zFunc, pzErr);
  *ppTab = 0;
  if (rc != SQLITE_OK) return rc;
  rc = stamp_now(c, &now);
  if (rc == SQLITE_NOMEM) return guard_leave(c->conn, zFunc, rc, pzErr);
  if (rc != SQLITE_OK) {
    /* The version table is gone (a rollback, a DROP): a new probe. */
    sqlite3_finalize(c->pProbe);
    c->pProbe = 0;
    c->loaded = 0;
  }
  if (!cache_valid(c, &now)) rc = cache_read(c, zFunc, pzErr);
  rc = guard_leave(c->conn, zFunc, rc, pzErr);
  if (rc == SQLITE_OK && c->exists) *ppTab = &c->tab;
  return rc;
}

/* ---- arabic_gazetteer_check: the rows arabic_entities does not use ---- */

typedef struct CheckRow {
  sqlite3_int64 iRow;
  int hasRow;       /* 0: the gazetteer has no rowid */
  const char *zWhy; /* static */
  char *zName;      /* sqlite3_malloc'd, valid UTF-8, or NULL */
  char *zType;
} CheckRow;

typedef struct CheckCursor {
  sqlite3_vtab_cursor base;
  CheckRow *a;
  int n, i;
} CheckCursor;

typedef struct CheckVtab {
  sqlite3_vtab base;
  GazetteerConn *conn;
} CheckVtab;

/* Reads a user table: not innocuous, so a schema's view or trigger under
** PRAGMA trusted_schema=OFF cannot use it. */
static int check_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv, sqlite3_vtab **ppVtab,
                         char **pzErr) {
  CheckVtab *v;
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(row, problem, name, type)");
  if (rc != SQLITE_OK) return rc;
  v = sqlite3_malloc64(sizeof(*v));
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  v->conn = pAux;
  *ppVtab = &v->base;
  return SQLITE_OK;
}

static int check_disconnect(sqlite3_vtab *v) {
  sqlite3_free(v);
  return SQLITE_OK;
}

static int check_best_index(sqlite3_vtab *v, sqlite3_index_info *p) {
  p->estimatedCost = 1000;
  return SQLITE_OK;
}

static int check_open(sqlite3_vtab *v, sqlite3_vtab_cursor **ppCur) {
  CheckCursor *c = sqlite3_malloc64(sizeof(*c));
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static void check_reset(CheckCursor *c) {
  int i;
  for (i = 0; i < c->n; i++) {
    sqlite3_free(c->a[i].zName);
    sqlite3_free(c->a[i].zType);
  }
  sqlite3_free(c->a);
  c->a = 0;
  c->n = c->i = 0;
}

static int check_close(sqlite3_vtab_cursor *cur) {
  check_reset((CheckCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* Why a row is not used, or NULL. */
static const char *row_invalid(sqlite3_stmt *st, int *pNoMem) {
  int type, r;
  const char *zWhy = row_problem(st, &type);
  ArNameTable probe;
  if (zWhy) return zWhy;
  r = ar_name_table_init(&probe, 4);
  if (r == AR_OK) r = row_add(&probe, st, type);
  ar_name_table_free(&probe);
  if (r == AR_NOMEM) *pNoMem = 1;
  return r == 1 ? PROBLEM_WORDS : 0;
}

static int check_rows(CheckCursor *c, sqlite3 *db, char **pzErr) {
  static const char zFunc[] = "arabic_gazetteer_check";
  sqlite3_stmt *st;
  int rc, exists, isTable, nAlloc = 0, noMem = 0;
  rc = gazetteer_kind(db, &exists, &isTable);
  if (rc != SQLITE_OK || !exists) return rc;
  rc = sqlite3_prepare_v2(db, "SELECT name, type, canonical, rowid FROM main.arabic_gazetteer ORDER BY rowid", -1,
                          &st, 0);
  /* A view or a WITHOUT ROWID table has no rowid: row is NULL. */
  if (rc == SQLITE_ERROR) rc = sqlite3_prepare_v2(db, GAZ_SQL_NULL_ROW, -1, &st, 0);
  if (rc != SQLITE_OK) {
    if (rc != SQLITE_NOMEM) *pzErr = read_error(db, zFunc);
    return rc;
  }
  while (!noMem && (rc = sqlite3_step(st)) == SQLITE_ROW) {
    const char *zWhy = row_invalid(st, &noMem);
    CheckRow *r;
    if (!zWhy || noMem) continue;
    if (c->n == nAlloc) {
      CheckRow *aNew = sqlite3_realloc64(c->a, sizeof(CheckRow) * (sqlite3_uint64)(nAlloc * 2 + 8));
      if (!aNew) {
        noMem = 1;
        break;
      }
      c->a = aNew;
      nAlloc = nAlloc * 2 + 8;
    }
    r = &c->a[c->n++];
    r->iRow = sqlite3_column_int64(st, 3);
    r->hasRow = sqlite3_column_type(st, 3) != SQLITE_NULL;
    r->zWhy = zWhy;
    r->zName = ar_clean_utf8(sqlite3_column_text(st, 0), sqlite3_column_bytes(st, 0), 0, &noMem);
    r->zType = ar_clean_utf8(sqlite3_column_text(st, 1), sqlite3_column_bytes(st, 1), 0, &noMem);
  }
  if (noMem) rc = SQLITE_NOMEM;
  else if (rc == SQLITE_DONE || rc == SQLITE_ROW) rc = SQLITE_OK;
  if (rc != SQLITE_OK && rc != SQLITE_NOMEM) *pzErr = read_error(db, zFunc);
  sqlite3_finalize(st);
  return rc;
}

static int check_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  static const char zFunc[] = "arabic_gazetteer_check";
  CheckCursor *c = (CheckCursor *)cur;
  CheckVtab *v = (CheckVtab *)cur->pVtab;
  char *zErr = 0;
  int rc;
  check_reset(c);
  rc = guard_enter(v->conn, zFunc, &zErr);
  if (rc == SQLITE_OK) rc = guard_leave(v->conn, zFunc, check_rows(c, v->conn->db, &zErr), &zErr);
  if (zErr) {
    sqlite3_free(v->base.zErrMsg);
    v->base.zErrMsg = zErr;
  }
  return rc;
}

static int check_next(sqlite3_vtab_cursor *cur) {
  ((CheckCursor *)cur)->i++;
  return SQLITE_OK;
}

static int check_eof(sqlite3_vtab_cursor *cur) {
  CheckCursor *c = (CheckCursor *)cur;
  return c->i >= c->n;
}

static int check_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol) {
  CheckCursor *c = (CheckCursor *)cur;
  const CheckRow *r = &c->a[c->i];
  switch (iCol) {
    case 0: if (r->hasRow) sqlite3_result_int64(ctx, r->iRow); break;
    case 1: sqlite3_result_text(ctx, r->zWhy, -1, SQLITE_STATIC); break;
    case 2: if (r->zName) sqlite3_result_text(ctx, r->zName, -1, SQLITE_TRANSIENT); break;
    default: if (r->zType) sqlite3_result_text(ctx, r->zType, -1, SQLITE_TRANSIENT); break;
  }
  return SQLITE_OK;
}

static int check_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((CheckCursor *)cur)->i + 1;
  return SQLITE_OK;
}

static sqlite3_module check_module = {
    0, 0, check_connect, check_best_index, check_disconnect, 0, check_open, check_close, check_filter,
    check_next, check_eof, check_column, check_rowid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

int gazetteer_register_check(sqlite3 *db, GazetteerConn *g) {
  gazetteer_conn_ref(g); /* given back by the module's destructor, which SQLite calls even if the call fails */
  return sqlite3_create_module_v2(db, "arabic_gazetteer_check", &check_module, g, gazetteer_conn_unref);
}
