/*
** SQL bindings of the entity core.
**
**   SELECT entity, type, start, length, canonical FROM arabic_entities(text);
**   SELECT * FROM arabic_gazetteer_check; -- the invalid rows of arabic_gazetteer
**
** arabic_entities is an eponymous table-valued function: one row per person,
** place, organization or date of text, in text order. start and length are
** 1-based characters, so substr(text, start, length) = entity. A NULL text
** gives no row.
**
** When the database has a table arabic_gazetteer(name, type, canonical),
** its rows are names arabic_entities recognizes, before the built-in ones:
** matched with the same folds, clitics and name keys; canonical may be NULL
** (the name itself). The table is read again whenever the database has
** changed since the last read, so an edit is seen by the next statement.
** Rows with an empty name, an unknown type (not PERSON, LOCATION or
** ORGANIZATION) or more than 6 words are skipped; the table-valued function
** arabic_gazetteer_check lists them: row (the rowid), problem, name, type
** (no row when every row is valid or there is no such table).
*/
#include <pthread.h>
#include <string.h>

#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/alloc.h"
#include "../core/ner/entities.h"
#include "../core/utf8.h"

/* ---- the shipped model, checked once ---- */

/* The model and the built-in name tables are shared by every connection and
** given back when the last connection that registered arabic_entities
** closes, so a process that loads and unloads the extension keeps nothing. */
static ArNerModel g_model;
static int g_model_ready;
static int g_nConnections;
static pthread_mutex_t g_model_mutex = PTHREAD_MUTEX_INITIALIZER;

/* The model, or NULL with an error message (static). After an
** out-of-memory failure the next call tries again. */
static const ArNerModel *shipped_model(const char **pzErr) {
  int rc = AR_OK;
  pthread_mutex_lock(&g_model_mutex);
  if (!g_model_ready) {
    rc = ar_ner_model_open(&ar_ner_model_data, &g_model, pzErr);
    g_model_ready = rc == AR_OK;
  }
  pthread_mutex_unlock(&g_model_mutex);
  if (rc == AR_NOMEM) *pzErr = "out of memory";
  return rc == AR_OK ? &g_model : 0;
}

/* ---- the user's gazetteer ---- */

typedef struct UserGazetteer {
  ArNameTable tab;
  int loaded;          /* the table was read */
  int exists;          /* arabic_gazetteer exists */
  sqlite3_int64 sig[3]; /* total_changes, data_version, schema_version at the read */
} UserGazetteer;

static int pragma_int(sqlite3 *db, const char *zSql, sqlite3_int64 *pv) {
  sqlite3_stmt *st;
  int rc = sqlite3_prepare_v2(db, zSql, -1, &st, 0);
  if (rc != SQLITE_OK) return rc;
  *pv = sqlite3_step(st) == SQLITE_ROW ? sqlite3_column_int64(st, 0) : 0;
  return sqlite3_finalize(st);
}

static int signature(sqlite3 *db, sqlite3_int64 *sig) {
  int rc;
  sig[0] = sqlite3_total_changes(db);
  rc = pragma_int(db, "PRAGMA data_version", &sig[1]);
  if (rc == SQLITE_OK) rc = pragma_int(db, "PRAGMA schema_version", &sig[2]);
  return rc;
}

/* Is row (name, type) valid? Returns NULL or why not. */
static const char *row_problem(sqlite3_stmt *st, int *pType) {
  const char *zName = (const char *)sqlite3_column_text(st, 0);
  const char *zType = (const char *)sqlite3_column_text(st, 1);
  *pType = zType ? ar_entity_type_of(zType, sqlite3_column_bytes(st, 1)) : 0;
  if (!zName || !zName[0]) return "empty name";
  if (!*pType) return "unknown type";
  return 0;
}

#define GAZ_SQL "SELECT name, type, canonical FROM main.arabic_gazetteer"

static int gazetteer_exists(sqlite3 *db, int *pExists) {
  sqlite3_int64 v = 0;
  int rc = pragma_int(db,
                      "SELECT count(*) FROM main.sqlite_schema WHERE name = 'arabic_gazetteer' "
                      "AND type IN ('table', 'view')",
                      &v);
  *pExists = v > 0;
  return rc;
}

/* Read arabic_gazetteer again if the database changed since the last read. */
static int user_gazetteer_refresh(sqlite3 *db, UserGazetteer *g, char **pzErr) {
  sqlite3_int64 sig[3];
  sqlite3_stmt *st = 0;
  int rc = signature(db, sig), exists;
  if (rc != SQLITE_OK) return rc;
  if (g->loaded && memcmp(sig, g->sig, sizeof(sig)) == 0) return SQLITE_OK;
  ar_name_table_free(&g->tab);
  g->loaded = g->exists = 0;
  rc = gazetteer_exists(db, &exists);
  if (rc != SQLITE_OK) return rc;
  if (exists) {
    rc = sqlite3_prepare_v2(db, GAZ_SQL, -1, &st, 0);
    if (rc != SQLITE_OK) {
      *pzErr = sqlite3_mprintf("arabic_entities: cannot read arabic_gazetteer: %s", sqlite3_errmsg(db));
      return rc;
    }
    if (ar_name_table_init(&g->tab, 64) != AR_OK) rc = SQLITE_NOMEM;
    while (rc == SQLITE_OK && sqlite3_step(st) == SQLITE_ROW) {
      int type, r;
      if (row_problem(st, &type)) continue;
      r = ar_name_table_add(&g->tab, ar_default_normalizer(), (const char *)sqlite3_column_text(st, 0),
                            sqlite3_column_bytes(st, 0), type, (const char *)sqlite3_column_text(st, 2),
                            sqlite3_column_bytes(st, 2));
      if (r == AR_NOMEM) rc = SQLITE_NOMEM;
    }
    if (rc == SQLITE_OK) rc = sqlite3_finalize(st);
    else sqlite3_finalize(st);
    if (rc != SQLITE_OK) {
      ar_name_table_free(&g->tab);
      if (rc != SQLITE_NOMEM)
        *pzErr = sqlite3_mprintf("arabic_entities: cannot read arabic_gazetteer: %s", sqlite3_errmsg(db));
      return rc;
    }
    g->exists = 1;
  }
  memcpy(g->sig, sig, sizeof(sig));
  g->loaded = 1;
  return SQLITE_OK;
}

/* ---- the virtual table ---- */

enum { COL_ENTITY, COL_TYPE, COL_START, COL_LENGTH, COL_CANONICAL, COL_TEXT };

typedef struct EntitiesVtab {
  sqlite3_vtab base;
  sqlite3 *db;
  UserGazetteer gaz;
} EntitiesVtab;

typedef struct EntitiesCursor {
  sqlite3_vtab_cursor base;
  char *zText; /* a copy of the input: the entities point into it */
  int nText;
  ArEntityList list;
  int i;
} EntitiesCursor;

static int ent_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv, sqlite3_vtab **ppVtab,
                       char **pzErr) {
  EntitiesVtab *v;
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(entity, type, start, length, canonical, text HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  v = sqlite3_malloc64(sizeof(*v));
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  v->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &v->base;
  return SQLITE_OK;
}

static int ent_disconnect(sqlite3_vtab *pVtab) {
  EntitiesVtab *v = (EntitiesVtab *)pVtab;
  ar_name_table_free(&v->gaz.tab);
  sqlite3_free(v);
  return SQLITE_OK;
}

static int ent_best_index(sqlite3_vtab *pVtab, sqlite3_index_info *p) {
  int i, iText = -1;
  for (i = 0; i < p->nConstraint; i++) {
    if (p->aConstraint[i].iColumn != COL_TEXT) continue;
    if (!p->aConstraint[i].usable) return SQLITE_CONSTRAINT;
    if (p->aConstraint[i].op == SQLITE_INDEX_CONSTRAINT_EQ) iText = i;
  }
  if (iText < 0) {
    /* Not an error here: SQLite also asks about plans for single OR terms.
       The cost steers it away; a plan without the text fails in xFilter. */
    p->idxNum = 0;
    p->estimatedCost = 1e300;
    return SQLITE_OK;
  }
  p->idxNum = 1;
  p->aConstraintUsage[iText].argvIndex = 1;
  p->aConstraintUsage[iText].omit = 1;
  p->estimatedCost = 1000;
  p->estimatedRows = 20;
  return SQLITE_OK;
}

static int ent_open(sqlite3_vtab *pVtab, sqlite3_vtab_cursor **ppCur) {
  EntitiesCursor *c = sqlite3_malloc64(sizeof(*c));
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static void cursor_reset(EntitiesCursor *c) {
  ar_entities_free(&c->list);
  sqlite3_free(c->zText);
  c->zText = 0;
  c->nText = 0;
  c->i = 0;
}

static int ent_close(sqlite3_vtab_cursor *cur) {
  cursor_reset((EntitiesCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

/* A copy of z[0..n) with each malformed UTF-8 byte as U+FFFD (one
** character either way, so character offsets stay those of the input),
** NUL-terminated, its length in *pnOut; NULL for a NULL z or out of memory. */
static char *clean_copy(const unsigned char *z, int n, int *pnOut, int *pNoMem) {
  char *zOut;
  int i = 0, k = 0;
  if (!z) return 0;
  zOut = sqlite3_malloc64((sqlite3_uint64)n * 3 + 1);
  if (!zOut) {
    *pNoMem = 1;
    return 0;
  }
  while (i < n) k += ar_utf8_encode(ar_utf8_decode(z, n, &i), (unsigned char *)zOut + k);
  zOut[k] = 0;
  if (pnOut) *pnOut = k;
  return zOut;
}

static int ent_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  EntitiesCursor *c = (EntitiesCursor *)cur;
  EntitiesVtab *v = (EntitiesVtab *)cur->pVtab;
  const ArNerModel *model;
  const char *zErr = 0, *z;
  char *zMsg = 0;
  int rc, noMem = 0;
  cursor_reset(c);
  if (idxNum == 0) {
    sqlite3_free(v->base.zErrMsg);
    v->base.zErrMsg = sqlite3_mprintf("arabic_entities: missing argument (the text)");
    return SQLITE_ERROR;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  model = shipped_model(&zErr);
  if (!model && strcmp(zErr, "out of memory") == 0) return SQLITE_NOMEM;
  if (!model) {
    sqlite3_free(v->base.zErrMsg);
    v->base.zErrMsg = sqlite3_mprintf("arabic_entities: %s", zErr);
    return SQLITE_ERROR;
  }
  rc = user_gazetteer_refresh(v->db, &v->gaz, &zMsg);
  if (rc != SQLITE_OK) {
    if (zMsg) {
      sqlite3_free(v->base.zErrMsg);
      v->base.zErrMsg = zMsg;
    }
    return rc;
  }
  z = (const char *)sqlite3_value_text(argv[0]);
  if (!z) return SQLITE_NOMEM;
  /* Entities are spans of this copy: valid text even when the input is not. */
  c->zText = clean_copy((const unsigned char *)z, sqlite3_value_bytes(argv[0]), &c->nText, &noMem);
  if (!c->zText) return SQLITE_NOMEM;
  if (ar_entities_extract(ar_default_normalizer(), model, v->gaz.exists ? &v->gaz.tab : 0, c->zText, c->nText,
                          &c->list) != AR_OK)
    return SQLITE_NOMEM;
  return SQLITE_OK;
}

static int ent_next(sqlite3_vtab_cursor *cur) {
  ((EntitiesCursor *)cur)->i++;
  return SQLITE_OK;
}

static int ent_eof(sqlite3_vtab_cursor *cur) {
  EntitiesCursor *c = (EntitiesCursor *)cur;
  return c->i >= c->list.n;
}

static int ent_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol) {
  EntitiesCursor *c = (EntitiesCursor *)cur;
  const ArEntity *e = &c->list.a[c->i];
  switch (iCol) {
    case COL_ENTITY: sqlite3_result_text(ctx, c->zText + e->iByte, e->nByte, SQLITE_TRANSIENT); break;
    case COL_TYPE: sqlite3_result_text(ctx, ar_entity_type_name(e->type), -1, SQLITE_STATIC); break;
    case COL_START: sqlite3_result_int(ctx, e->iChar + 1); break;
    case COL_LENGTH: sqlite3_result_int(ctx, e->nChar); break;
    case COL_CANONICAL:
      sqlite3_result_text(ctx, c->list.zPool + e->iCanon, e->nCanon, SQLITE_TRANSIENT);
      break;
    default: sqlite3_result_text(ctx, c->zText, c->nText, SQLITE_TRANSIENT); break;
  }
  return SQLITE_OK;
}

static int ent_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((EntitiesCursor *)cur)->i + 1;
  return SQLITE_OK;
}

static sqlite3_module entities_module = {
    0, 0, ent_connect, ent_best_index, ent_disconnect, 0, ent_open, ent_close, ent_filter,
    ent_next, ent_eof, ent_column, ent_rowid, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0};

/* ---- arabic_gazetteer_check: the invalid rows of arabic_gazetteer ---- */

typedef struct CheckRow {
  sqlite3_int64 iRow;
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
  sqlite3 *db;
} CheckVtab;

static int check_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv, sqlite3_vtab **ppVtab,
                         char **pzErr) {
  CheckVtab *v;
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(row, problem, name, type)");
  if (rc != SQLITE_OK) return rc;
  v = sqlite3_malloc64(sizeof(*v));
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  v->db = db;
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
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

/* Why a row is skipped, or NULL. */
static const char *row_invalid(sqlite3_stmt *st, int *pNoMem) {
  int type;
  const char *zWhy = row_problem(st, &type);
  ArNameTable probe;
  int r;
  if (zWhy) return zWhy;
  r = ar_name_table_init(&probe, 4);
  if (r == AR_OK)
    r = ar_name_table_add(&probe, ar_default_normalizer(), (const char *)sqlite3_column_text(st, 0),
                          sqlite3_column_bytes(st, 0), type, 0, 0);
  ar_name_table_free(&probe);
  if (r == AR_NOMEM) *pNoMem = 1;
  return r == 1 ? "no word, or more than 6 words" : 0;
}

static int check_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  CheckCursor *c = (CheckCursor *)cur;
  CheckVtab *v = (CheckVtab *)cur->pVtab;
  sqlite3_stmt *st;
  int exists, rc, nAlloc = 0, noMem = 0;
  check_reset(c);
  rc = gazetteer_exists(v->db, &exists);
  if (rc != SQLITE_OK || !exists) return rc;
  rc = sqlite3_prepare_v2(v->db, "SELECT name, type, canonical, rowid FROM main.arabic_gazetteer ORDER BY rowid", -1,
                          &st, 0);
  if (rc != SQLITE_OK) {
    sqlite3_free(v->base.zErrMsg);
    v->base.zErrMsg = sqlite3_mprintf("arabic_gazetteer_check: %s", sqlite3_errmsg(v->db));
    return rc;
  }
  while (!noMem && sqlite3_step(st) == SQLITE_ROW) {
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
    r->zWhy = zWhy;
    r->zName = clean_copy(sqlite3_column_text(st, 0), sqlite3_column_bytes(st, 0), 0, &noMem);
    r->zType = clean_copy(sqlite3_column_text(st, 1), sqlite3_column_bytes(st, 1), 0, &noMem);
  }
  rc = sqlite3_finalize(st);
  return noMem ? SQLITE_NOMEM : rc;
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
    case 0: sqlite3_result_int64(ctx, r->iRow); break;
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
/* xDestroy of the arabic_entities module: its connection is closing. */
static void connection_closed(void *pUnused) {
  (void)pUnused;
  pthread_mutex_lock(&g_model_mutex);
  if (--g_nConnections == 0) {
    if (g_model_ready) ar_ner_model_close(&g_model);
    g_model_ready = 0;
    ar_ner_builtin_release();
  }
  pthread_mutex_unlock(&g_model_mutex);
}

int arabic_register_entities(sqlite3 *db) {
  int rc;
  pthread_mutex_lock(&g_model_mutex);
  g_nConnections++; /* given back by connection_closed, which SQLite calls even if the call fails */
  pthread_mutex_unlock(&g_model_mutex);
  rc = sqlite3_create_module_v2(db, "arabic_entities", &entities_module, 0, connection_closed);
  if (rc == SQLITE_OK) rc = sqlite3_create_module(db, "arabic_gazetteer_check", &check_module, 0);
  return rc;
}
