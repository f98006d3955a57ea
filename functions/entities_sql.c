/*
** SQL bindings of the entity core.
**
**   SELECT entity, type, start, length, canonical, value FROM arabic_entities(text);
**
** arabic_entities is an eponymous table-valued function: one row per person,
** place, organization or date of text, in text order. start and length are
** 1-based characters, so substr(text, start, length) = entity but for the
** _ of a hashtag, a space in entity and canonical. A NULL text
** gives no row; a text of more than AR_ENTITIES_MAX_TEXT bytes is an error.
** value is the ISO form of an absolute DATE ('2025-03-12', '2025-03',
** '2007', read by core/date.h as arabic_date reads), NULL for a relative
** date (الشهر الماضي) and for every other type.
**
** When the database has a table arabic_gazetteer(name, type, canonical),
** its rows are names arabic_entities recognizes, before the built-in ones:
** matched with the same folds, clitics and name keys; canonical may be NULL
** (the name itself). The table is read again when it may have changed, so
** an edit is seen by the next statement (functions/gazetteer_sql.c). Rows
** with an empty name, an unknown type (not PERSON, LOCATION or
** ORGANIZATION), a canonical that is not valid UTF-8 or holds a NUL, or
** more than 6 words are skipped; the table-valued function
** arabic_gazetteer_check lists them.
**
** Both read user tables, so neither is innocuous: under PRAGMA
** trusted_schema=OFF a view or a trigger of a database file cannot use them.
*/
#include <pthread.h>
#include <string.h>

#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/alloc.h"
#include "../core/date.h"
#include "../core/ner/entities.h"
#include "gazetteer_sql.h"

/* The longest text arabic_entities reads: 16 MiB. A call needs about 36
** bytes of memory per byte of prose and up to about 180 for a text of
** nothing but punctuation, a token per byte (docs/reliability.md, make
** test-limits): at most 3 GB. A text is never more tokens than bytes, so
** no array of the engine reaches SQLite's largest allocation (2 GB). */
#define AR_ENTITIES_MAX_TEXT (16 * 1024 * 1024)

/* ---- the shipped model, checked once ---- */

/* The model and the built-in name tables are shared by every connection and
** given back when the last connection that registered arabic_entities
** closes, so a process that loads and unloads the extension keeps nothing. */
static ArNerModel g_model;
static int g_model_ready;
static int g_nConnections;
static pthread_mutex_t g_model_mutex = PTHREAD_MUTEX_INITIALIZER;

/* The model in *ppModel: SQLITE_OK, SQLITE_NOMEM (the next call tries
** again), or SQLITE_ERROR with *pzErr (static text) when the shipped data
** does not check. */
static int shipped_model(const ArNerModel **ppModel, const char **pzErr) {
  int rc = AR_OK;
  pthread_mutex_lock(&g_model_mutex);
  if (!g_model_ready) {
    rc = ar_ner_model_open(&ar_ner_model_data, &g_model, pzErr);
    g_model_ready = rc == AR_OK;
  }
  pthread_mutex_unlock(&g_model_mutex);
  *ppModel = rc == AR_OK ? &g_model : 0;
  return rc == AR_OK ? SQLITE_OK : rc == AR_NOMEM ? SQLITE_NOMEM : SQLITE_ERROR;
}

/* ---- the virtual table ---- */

enum { COL_ENTITY, COL_TYPE, COL_START, COL_LENGTH, COL_CANONICAL, COL_VALUE, COL_TEXT };

typedef struct EntitiesVtab {
  sqlite3_vtab base;
  GazetteerCache *gaz;
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
  int rc = sqlite3_declare_vtab(db, "CREATE TABLE x(entity, type, start, length, canonical, value, text HIDDEN)");
  if (rc != SQLITE_OK) return rc;
  v = sqlite3_malloc64(sizeof(*v));
  if (!v) return SQLITE_NOMEM;
  memset(v, 0, sizeof(*v));
  v->gaz = gazetteer_cache_new(pAux);
  if (!v->gaz) {
    sqlite3_free(v);
    return SQLITE_NOMEM;
  }
  *ppVtab = &v->base;
  return SQLITE_OK;
}

static int ent_disconnect(sqlite3_vtab *pVtab) {
  EntitiesVtab *v = (EntitiesVtab *)pVtab;
  gazetteer_cache_free(v->gaz);
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

static void set_error(sqlite3_vtab *v, char *zMsg) {
  sqlite3_free(v->zErrMsg);
  v->zErrMsg = zMsg;
}

static int ent_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc, sqlite3_value **argv) {
  EntitiesCursor *c = (EntitiesCursor *)cur;
  EntitiesVtab *v = (EntitiesVtab *)cur->pVtab;
  const ArNerModel *model;
  const ArNameTable *user;
  const char *zErr = 0, *z;
  char *zMsg = 0;
  int rc, n, noMem = 0;
  cursor_reset(c);
  if (idxNum == 0) {
    set_error(&v->base, sqlite3_mprintf("arabic_entities: missing argument (the text)"));
    return SQLITE_ERROR;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  z = (const char *)sqlite3_value_text(argv[0]);
  if (!z) return SQLITE_NOMEM;
  n = sqlite3_value_bytes(argv[0]);
  if (n > AR_ENTITIES_MAX_TEXT) {
    set_error(&v->base, sqlite3_mprintf("arabic_entities: text too long (%d bytes, the most is %d): split it", n,
                                        AR_ENTITIES_MAX_TEXT));
    return SQLITE_TOOBIG;
  }
  rc = shipped_model(&model, &zErr);
  if (rc == SQLITE_ERROR) set_error(&v->base, sqlite3_mprintf("arabic_entities: %s", zErr));
  if (rc != SQLITE_OK) return rc;
  rc = gazetteer_names(v->gaz, &user, &zMsg);
  if (zMsg) set_error(&v->base, zMsg);
  if (rc != SQLITE_OK) return rc;
  /* Entities are spans of this copy: valid text even when the input is not. */
  c->zText = ar_clean_utf8((const unsigned char *)z, n, &c->nText, &noMem);
  if (!c->zText) return SQLITE_NOMEM;
  if (ar_entities_extract(ar_default_normalizer(), model, user, c->zText, c->nText, &c->list) != AR_OK)
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

/* The mention as written, with the underscores of a hashtag as spaces
** (#الولايات_المتحدة gives الولايات المتحدة at the offsets of its words). */
static void result_mention(sqlite3_context *ctx, const char *z, int n) {
  char *zCopy;
  if (!memchr(z, '_', (size_t)n)) {
    sqlite3_result_text(ctx, z, n, SQLITE_TRANSIENT);
    return;
  }
  zCopy = sqlite3_malloc64((sqlite3_uint64)n + 1);
  if (!zCopy) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  memcpy(zCopy, z, (size_t)n);
  zCopy[n] = 0;
  ar_entity_hashtag_spaces(zCopy, n);
  sqlite3_result_text(ctx, zCopy, n, sqlite3_free);
}

static int ent_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int iCol) {
  EntitiesCursor *c = (EntitiesCursor *)cur;
  const ArEntity *e = &c->list.a[c->i];
  switch (iCol) {
    case COL_ENTITY: result_mention(ctx, c->zText + e->iByte, e->nByte); break;
    case COL_TYPE: sqlite3_result_text(ctx, ar_entity_type_name(e->type), -1, SQLITE_STATIC); break;
    case COL_START: sqlite3_result_int(ctx, e->iChar + 1); break;
    case COL_LENGTH: sqlite3_result_int(ctx, e->nChar); break;
    case COL_CANONICAL:
      sqlite3_result_text(ctx, c->list.zPool + e->iCanon, e->nCanon, SQLITE_TRANSIENT);
      break;
    case COL_VALUE: {
      ArDate date;
      char zIso[AR_DATE_ISO_SIZE];
      if (e->type == AR_ENT_DATE && ar_date_parse(c->zText + e->iByte, e->nByte, &date)) {
        sqlite3_result_text(ctx, zIso, ar_date_format(&date, zIso), SQLITE_TRANSIENT);
      }
      break; /* NULL: not a date, or not an absolute one (الشهر الماضي) */
    }
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

/* xDestroy of the arabic_entities module: its connection is closing. */
static void connection_closed(void *pConn) {
  pthread_mutex_lock(&g_model_mutex);
  if (--g_nConnections == 0) {
    if (g_model_ready) ar_ner_model_close(&g_model);
    g_model_ready = 0;
    ar_ner_builtin_release();
  }
  pthread_mutex_unlock(&g_model_mutex);
  gazetteer_conn_unref(pConn);
}

int arabic_register_entities(sqlite3 *db) {
  GazetteerConn *g = gazetteer_conn_new(db);
  int rc;
  if (!g) return SQLITE_NOMEM;
  pthread_mutex_lock(&g_model_mutex);
  g_nConnections++; /* given back by connection_closed, which SQLite calls even if the call fails */
  pthread_mutex_unlock(&g_model_mutex);
  rc = sqlite3_create_module_v2(db, "arabic_entities", &entities_module, g, connection_closed);
  if (rc == SQLITE_OK) rc = gazetteer_register_check(db, g);
  return rc;
}
