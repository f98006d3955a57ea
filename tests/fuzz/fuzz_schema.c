/*
** libFuzzer target: a hostile schema and SQL together, as SQLite's
** dbsqlfuzz does: views, triggers and gazetteers that call the extension,
** transactions, savepoints and rollbacks, with an optional database image.
**
** Input: one byte of flags (1: PRAGMA trusted_schema=OFF; 2: a database
** image follows, its length in the next two bytes, big-endian), then SQL,
** run statement by statement on a connection with the extension. After
** each of the first statements the cache is checked against a fresh read:
** arabic_entities of a probe text on this connection must give exactly
** what it gives on a new connection whose arabic_gazetteer table holds the
** rows main.arabic_gazetteer holds now (a gazetteer that reads differently
** twice, random() say, is not compared). Every text of
** arabic_entities must be valid UTF-8, and so must every message of the
** extension. A crash, a hang, a sanitizer report or a difference aborts.
**
** The connection cannot touch files: ATTACH only of ':memory:' or '',
** VACUUM skipped, PRAGMA writable_schema, schema_version (set),
** temp_store_directory and data_store_directory refused; TEMP objects
** other than the extension's are refused so the probe's TEMP triggers stay
** what the extension made (a user may drop them: tests/python). Limits
** keep each input small: 100 kB values, 2M virtual machine steps.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "strict_utf8.h"

#define MAX_STATEMENTS 64
#define MAX_CHECKS 8
#define PROBE "قال الرئيس فلاديمير بوتين في موسكو إن نهر الذهب وسامر الخطيب "

static int g_nProgress;

static int progress(void *p) {
  (void)p;
  return ++g_nProgress > 2000;
}

static int starts_with(const char *z, const char *zPrefix) {
  return z && sqlite3_strnicmp(z, zPrefix, (int)strlen(zPrefix)) == 0;
}

static int authorize(void *p, int op, const char *z1, const char *z2, const char *zDb, const char *zTrigger) {
  (void)p;
  (void)zDb;
  (void)zTrigger;
  switch (op) {
    case SQLITE_ATTACH:
      return z1 && (z1[0] == 0 || strcmp(z1, ":memory:") == 0) ? SQLITE_OK : SQLITE_DENY;
    case SQLITE_PRAGMA:
      if (starts_with(z1, "writable_schema") || starts_with(z1, "temp_store_directory") ||
          starts_with(z1, "data_store_directory") || (starts_with(z1, "schema_version") && z2))
        return SQLITE_DENY;
      return SQLITE_OK;
    case SQLITE_CREATE_TEMP_TABLE:
    case SQLITE_CREATE_TEMP_TRIGGER:
    case SQLITE_CREATE_TEMP_VIEW:
    case SQLITE_CREATE_TEMP_INDEX:
      return starts_with(z1, "arabic_gazetteer_version") ? SQLITE_OK : SQLITE_DENY;
    default:
      return SQLITE_OK;
  }
}

static void check_message(sqlite3 *db) {
  const char *z = sqlite3_errmsg(db);
  if (starts_with(z, "arabic") && !strict_utf8((const unsigned char *)z, (int)strlen(z))) {
    fprintf(stderr, "fuzz_schema: a message of the extension is not valid UTF-8\n");
    abort();
  }
}

/* A growing byte string. */
typedef struct Buf {
  char *z;
  size_t n, nAlloc;
} Buf;

static void buf_add(Buf *b, const void *p, size_t n) {
  if (b->n + n + 1 > b->nAlloc) {
    b->nAlloc = (b->n + n + 1) * 2;
    b->z = realloc(b->z, b->nAlloc);
    if (!b->z) abort();
  }
  memcpy(b->z + b->n, p, n);
  b->n += n;
  b->z[b->n] = 0;
}

/* The rows of sql as one string (type and bytes of every column), or -1
** when it fails. */
static int rows_of(sqlite3 *db, const char *zSql, const char *zBind, Buf *pOut, int bCheckText) {
  sqlite3_stmt *st;
  int rc, i;
  pOut->n = 0;
  buf_add(pOut, "", 0);
  if (sqlite3_prepare_v2(db, zSql, -1, &st, 0) != SQLITE_OK) return -1;
  if (zBind) sqlite3_bind_text(st, 1, zBind, -1, SQLITE_STATIC);
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
    for (i = 0; i < sqlite3_column_count(st); i++) {
      int t = sqlite3_column_type(st, i), n;
      const unsigned char *z = sqlite3_column_text(st, i);
      char zHead[32];
      n = sqlite3_column_bytes(st, i);
      if (bCheckText && t == SQLITE_TEXT && !strict_utf8(z, n)) {
        fprintf(stderr, "fuzz_schema: arabic_entities gave text that is not valid UTF-8\n");
        abort();
      }
      snprintf(zHead, sizeof(zHead), "%d:%d:", t, n);
      buf_add(pOut, zHead, strlen(zHead));
      if (z) buf_add(pOut, z, (size_t)n);
      buf_add(pOut, "|", 1);
    }
    buf_add(pOut, "\n", 1);
  }
  check_message(db);
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? 0 : -1;
}

#define ENTITIES "SELECT entity, type, start, length, canonical FROM arabic_entities(?1)"
#define GAZETTEER "SELECT name, type, canonical FROM main.arabic_gazetteer"

/* The probe text: PROBE and the first names of the gazetteer. */
static void probe_text(sqlite3 *db, Buf *pText) {
  sqlite3_stmt *st;
  int k = 0;
  pText->n = 0;
  buf_add(pText, PROBE, strlen(PROBE));
  if (sqlite3_prepare_v2(db, GAZETTEER " LIMIT 8", -1, &st, 0) != SQLITE_OK) return;
  while (sqlite3_step(st) == SQLITE_ROW && k++ < 8) {
    const unsigned char *z = sqlite3_column_text(st, 0);
    if (!z) continue;
    buf_add(pText, " و", strlen(" و"));
    buf_add(pText, z, strlen((const char *)z));
  }
  sqlite3_finalize(st);
}

/* arabic_entities(zText) with a gazetteer table holding the rows of db's,
** on a new connection; -1 when they cannot be copied. */
static int fresh_entities(sqlite3 *db, const char *zText, Buf *pOut) {
  sqlite3 *c;
  sqlite3_stmt *pRead, *pInsert;
  int rc = -1;
  if (sqlite3_open(":memory:", &c) != SQLITE_OK) abort();
  if (sqlite3_exec(c, "CREATE TABLE arabic_gazetteer(name, type, canonical)", 0, 0, 0) == SQLITE_OK &&
      sqlite3_prepare_v2(db, GAZETTEER, -1, &pRead, 0) == SQLITE_OK) {
    if (sqlite3_prepare_v2(c, "INSERT INTO arabic_gazetteer VALUES (?1, ?2, ?3)", -1, &pInsert, 0) == SQLITE_OK) {
      while ((rc = sqlite3_step(pRead)) == SQLITE_ROW) {
        int i;
        for (i = 0; i < 3; i++) sqlite3_bind_value(pInsert, i + 1, sqlite3_column_value(pRead, i));
        sqlite3_step(pInsert);
        sqlite3_reset(pInsert);
      }
      rc = rc == SQLITE_DONE ? rows_of(c, ENTITIES, zText, pOut, 1) : -1;
      sqlite3_finalize(pInsert);
    }
    sqlite3_finalize(pRead);
  }
  sqlite3_close(c);
  return rc;
}

/* Does the cache of db give what a fresh read gives? */
static void check_cache(sqlite3 *db) {
  static Buf text, cached, fresh, rows, rows2;
  g_nProgress = 0;
  probe_text(db, &text);
  if (rows_of(db, ENTITIES, text.z, &cached, 1) != 0) return;
  if (rows_of(db, GAZETTEER, 0, &rows, 0) != 0 || rows_of(db, GAZETTEER, 0, &rows2, 0) != 0 ||
      rows.n != rows2.n || memcmp(rows.z, rows2.z, rows.n) != 0)
    return; /* no table, or it does not read the same twice */
  if (fresh_entities(db, text.z, &fresh) != 0) return;
  if (cached.n != fresh.n || memcmp(cached.z, fresh.z, fresh.n) != 0) {
    fprintf(stderr, "fuzz_schema: the cached gazetteer differs from a fresh read\ncached:\n%s\nfresh:\n%s\n", cached.z,
            fresh.z);
    abort();
  }
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  static int bInit;
  sqlite3 *db;
  const char *zSql, *zTail;
  char *zCopy;
  int nStmt = 0, nCheck = 0;
  size_t off = 1;
  if (!bInit) {
    static sqlite3 *keeper; /* keeps the model loaded: the last connection to close gives it back */
    sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
    sqlite3_hard_heap_limit64(256 << 20);
    if (sqlite3_open(":memory:", &keeper) != SQLITE_OK) abort();
    sqlite3_exec(keeper, "SELECT * FROM arabic_entities('بوتين')", 0, 0, 0);
    bInit = 1;
  }
  if (size < 1) return 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) abort();
  if ((data[0] & 2) && size >= 3) {
    size_t n = ((size_t)data[1] << 8) | data[2];
    unsigned char *img;
    off = 3;
    if (n > size - off) n = size - off;
    img = sqlite3_malloc64(n ? n : 1);
    if (img) {
      memcpy(img, data + off, n);
      sqlite3_deserialize(db, "main", img, (sqlite3_int64)n, (sqlite3_int64)n,
                          SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_RESIZEABLE);
    }
    off += n;
  }
  sqlite3_limit(db, SQLITE_LIMIT_LENGTH, 100000);
  sqlite3_limit(db, SQLITE_LIMIT_SQL_LENGTH, 100000);
  sqlite3_limit(db, SQLITE_LIMIT_TRIGGER_DEPTH, 20);
  sqlite3_limit(db, SQLITE_LIMIT_ATTACHED, 2);
  sqlite3_limit(db, SQLITE_LIMIT_COMPOUND_SELECT, 20);
  sqlite3_progress_handler(db, 1000, progress, 0);
  sqlite3_set_authorizer(db, authorize, 0);
  if (data[0] & 1) sqlite3_exec(db, "PRAGMA trusted_schema = OFF", 0, 0, 0);
  g_nProgress = 0;
  zCopy = malloc(size - off + 1);
  if (!zCopy) abort();
  memcpy(zCopy, data + off, size - off);
  zCopy[size - off] = 0;
  for (zSql = zCopy; *zSql && nStmt < MAX_STATEMENTS; zSql = zTail, nStmt++) {
    sqlite3_stmt *st = 0;
    int rc = sqlite3_prepare_v2(db, zSql, -1, &st, &zTail);
    check_message(db);
    if (rc != SQLITE_OK || !st) {
      if (!zTail || zTail == zSql) break;
      continue;
    }
    if (!sqlite3_strlike("%vacuum%", sqlite3_sql(st), 0)) {
      sqlite3_finalize(st);
      continue;
    }
    while (sqlite3_step(st) == SQLITE_ROW && g_nProgress <= 2000) {
    }
    check_message(db);
    sqlite3_finalize(st);
    if (nCheck < MAX_CHECKS && g_nProgress <= 2000) {
      nCheck++;
      check_cache(db);
    }
    g_nProgress = 0;
  }
  free(zCopy);
  sqlite3_close_v2(db);
  return 0;
}
