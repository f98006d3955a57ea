/*
** I/O errors during an import: a VFS that fails the Nth write or sync
** (SQLITE_IOERR_WRITE / SQLITE_IOERR_FSYNC) under a batch of articles
** written through article_import, for every N until the batch runs clean,
** in rollback-journal and WAL mode. Each time the statement fails or
** succeeds as a whole; reopened without faults, the database passes
** PRAGMA integrity_check and the FTS5 integrity-check, and holds either
** none or all of the batch (entities and links with it).
*/
#include <stdlib.h>

#include "sqlite3.h"
#include "testlib.h"

int sqlite3_arabic_init(sqlite3 *db, char **pzErrMsg, const sqlite3_api_routines *pApi);

#define DB_PATH "build/tests/ioerr.db"
#define N_ARTICLES 12

typedef struct FaultyFile {
  sqlite3_file base;
  sqlite3_file *pReal; /* the default VFS's file, allocated right after this struct */
} FaultyFile;

static sqlite3_vfs g_faulty;
static sqlite3_vfs *g_real;
static int g_countdown = -1; /* writes and syncs left before the fault; -1: never */
static int g_faults = 0;

static int fault_now(void) {
  if (g_countdown < 0) return 0;
  if (g_countdown-- == 0) {
    g_faults++;
    return 1;
  }
  return 0;
}

#define REAL(f) (((FaultyFile *)(f))->pReal)
static int f_close(sqlite3_file *f) { return REAL(f)->pMethods->xClose(REAL(f)); }
static int f_read(sqlite3_file *f, void *p, int n, sqlite3_int64 o) { return REAL(f)->pMethods->xRead(REAL(f), p, n, o); }
static int f_write(sqlite3_file *f, const void *p, int n, sqlite3_int64 o) {
  return fault_now() ? SQLITE_IOERR_WRITE : REAL(f)->pMethods->xWrite(REAL(f), p, n, o);
}
static int f_truncate(sqlite3_file *f, sqlite3_int64 n) { return REAL(f)->pMethods->xTruncate(REAL(f), n); }
static int f_sync(sqlite3_file *f, int flags) {
  return fault_now() ? SQLITE_IOERR_FSYNC : REAL(f)->pMethods->xSync(REAL(f), flags);
}
static int f_size(sqlite3_file *f, sqlite3_int64 *p) { return REAL(f)->pMethods->xFileSize(REAL(f), p); }
static int f_lock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xLock(REAL(f), l); }
static int f_unlock(sqlite3_file *f, int l) { return REAL(f)->pMethods->xUnlock(REAL(f), l); }
static int f_check(sqlite3_file *f, int *p) { return REAL(f)->pMethods->xCheckReservedLock(REAL(f), p); }
static int f_control(sqlite3_file *f, int op, void *p) { return REAL(f)->pMethods->xFileControl(REAL(f), op, p); }
static int f_sector(sqlite3_file *f) { return REAL(f)->pMethods->xSectorSize(REAL(f)); }
static int f_caps(sqlite3_file *f) { return REAL(f)->pMethods->xDeviceCharacteristics(REAL(f)); }
static int f_shm_map(sqlite3_file *f, int i, int sz, int w, void volatile **pp) {
  return REAL(f)->pMethods->xShmMap(REAL(f), i, sz, w, pp);
}
static int f_shm_lock(sqlite3_file *f, int o, int n, int fl) { return REAL(f)->pMethods->xShmLock(REAL(f), o, n, fl); }
static void f_shm_barrier(sqlite3_file *f) { REAL(f)->pMethods->xShmBarrier(REAL(f)); }
static int f_shm_unmap(sqlite3_file *f, int d) { return REAL(f)->pMethods->xShmUnmap(REAL(f), d); }

static const sqlite3_io_methods g_methods = {
    2, f_close, f_read, f_write, f_truncate, f_sync, f_size, f_lock, f_unlock, f_check, f_control,
    f_sector, f_caps, f_shm_map, f_shm_lock, f_shm_barrier, f_shm_unmap, 0, 0};

static int faulty_open(sqlite3_vfs *vfs, const char *zName, sqlite3_file *f, int flags, int *pOut) {
  FaultyFile *p = (FaultyFile *)f;
  int rc;
  (void)vfs;
  p->pReal = (sqlite3_file *)&p[1];
  rc = g_real->xOpen(g_real, zName, p->pReal, flags, pOut);
  p->base.pMethods = p->pReal->pMethods ? &g_methods : 0;
  return rc;
}

static void faulty_register(void) {
  g_real = sqlite3_vfs_find(0);
  g_faulty = *g_real;
  g_faulty.zName = "faulty";
  g_faulty.szOsFile = (int)sizeof(FaultyFile) + g_real->szOsFile;
  g_faulty.xOpen = faulty_open;
  sqlite3_vfs_register(&g_faulty, 0);
}

static char *read_file(const char *zPath) {
  FILE *f = fopen(zPath, "rb");
  char *z;
  long n;
  if (!f) return 0;
  fseek(f, 0, SEEK_END);
  n = ftell(f);
  fseek(f, 0, SEEK_SET);
  z = malloc((size_t)n + 1);
  if (z && fread(z, 1, (size_t)n, f) != (size_t)n) n = 0;
  if (z) z[n] = 0;
  fclose(f);
  return z;
}

static sqlite3 *open_db(const char *zVfs) {
  sqlite3 *db = 0;
  char *zErr = 0;
  sqlite3_open_v2(DB_PATH, &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, zVfs);
  sqlite3_arabic_init(db, &zErr, 0);
  sqlite3_free(zErr);
  return db;
}

static const char *scalar(sqlite3 *db, const char *zSql, char *zBuf, int nBuf) {
  sqlite3_stmt *st = 0;
  snprintf(zBuf, (size_t)nBuf, "(error: %s)", sqlite3_errmsg(db));
  if (sqlite3_prepare_v2(db, zSql, -1, &st, 0) == SQLITE_OK) {
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) snprintf(zBuf, (size_t)nBuf, "%s", (const char *)sqlite3_column_text(st, 0));
    else if (rc == SQLITE_DONE) snprintf(zBuf, (size_t)nBuf, "%s", "(done)");
    else snprintf(zBuf, (size_t)nBuf, "(error: %s)", sqlite3_errmsg(db));
  }
  sqlite3_finalize(st);
  return zBuf;
}

/* The batch: N_ARTICLES articles in one transaction, as the importers write. */
static int import_batch(sqlite3 *db) {
  sqlite3_stmt *st = 0;
  int i, rc = sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0);
  if (rc == SQLITE_OK) {
    rc = sqlite3_prepare_v2(db, "INSERT INTO article_import(path, content, hash) VALUES (?, ?, ?)", -1, &st, 0);
  }
  for (i = 0; rc == SQLITE_OK && i < N_ARTICLES; i++) {
    char zPath[32], zText[512];
    snprintf(zPath, sizeof(zPath), "a%02d.txt", i);
    snprintf(zText, sizeof(zText),
             "اجتماع رقم %d\nالتاريخ: 2025-03-%02d\nقال الرئيس الروسي فلاديمير بوتين في موسكو إن "
             "ترامب سيزور الكرملين، وأكد زيلينسكي في كييف أن وزارة الخارجية الأمريكية تتابع.\n",
             i, i + 1);
    sqlite3_bind_text(st, 1, zPath, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, zText, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 3, zPath, -1, SQLITE_TRANSIENT);
    rc = sqlite3_step(st) == SQLITE_DONE ? SQLITE_OK : sqlite3_errcode(db);
    sqlite3_reset(st);
  }
  sqlite3_finalize(st);
  if (rc == SQLITE_OK) rc = sqlite3_exec(db, "COMMIT", 0, 0, 0);
  if (rc != SQLITE_OK) sqlite3_exec(db, "ROLLBACK", 0, 0, 0);
  return rc;
}

static void run_mode(const char *zMode, const char *zSchema) {
  int n, clean = 0, bad = 0, failed = 0;
  char zName[512], zBuf[256], zSql[64];
  for (n = 0; n < 400 && !clean; n++) {
    sqlite3 *db;
    int rc;
    remove(DB_PATH);
    remove(DB_PATH "-wal");
    remove(DB_PATH "-shm");
    remove(DB_PATH "-journal");
    db = open_db("faulty");
    snprintf(zSql, sizeof(zSql), "PRAGMA journal_mode = %s", zMode);
    if (n == 0) {
      snprintf(zName, sizeof(zName), "%s: journal mode", zMode);
      check_str(zName, scalar(db, zSql, zBuf, sizeof(zBuf)), strcmp(zMode, "WAL") == 0 ? "wal" : "delete");
    } else {
      sqlite3_exec(db, zSql, 0, 0, 0);
    }
    if (sqlite3_exec(db, zSchema, 0, 0, 0) != SQLITE_OK) {
      snprintf(zName, sizeof(zName), "%s: schema (%s)", zMode, sqlite3_errmsg(db));
      test_result(0, zName);
      sqlite3_close(db);
      return;
    }
    g_faults = 0;
    g_countdown = n;
    rc = import_batch(db);
    g_countdown = -1;
    if (g_faults == 0) clean = 1;
    else if (rc != SQLITE_OK) failed++;
    sqlite3_close(db);
    db = open_db(0);
    scalar(db, "SELECT (SELECT group_concat(integrity_check) FROM pragma_integrity_check) || ' ' || "
               "(SELECT count(*) FROM articles) || ' ' || "
               "(SELECT count(DISTINCT article_id) FROM entities WHERE type = 'PERSON') || ' ' || "
               "(SELECT count(*) FROM entities WHERE entity_id IS NULL)", zBuf, sizeof(zBuf));
    if (strcmp(zBuf, "ok 0 0 0") != 0 && strcmp(zBuf, "ok 12 12 0") != 0) {
      snprintf(zName, sizeof(zName), "%s: fault at write %d leaves '%s'", zMode, n, zBuf);
      test_result(0, zName);
      bad++;
    }
    if (sqlite3_exec(db, "INSERT INTO articles_fts(articles_fts) VALUES ('integrity-check')", 0, 0, 0) != SQLITE_OK) {
      snprintf(zName, sizeof(zName), "%s: fault at write %d: FTS5 integrity-check: %s", zMode, n, sqlite3_errmsg(db));
      test_result(0, zName);
      bad++;
    }
    sqlite3_close(db);
  }
  snprintf(zName, sizeof(zName), "%s: a fault injected at each of the batch's %d writes and syncs, in turn", zMode, n - 1);
  test_result(clean && failed > 0, zName);
  snprintf(zName, sizeof(zName), "%s: after each, the database holds all of the batch or nothing, intact", zMode);
  check_int(zName, bad, 0);
}

int main(void) {
  char *zSchema = read_file("sql/schema.sql"), *zLinking = read_file("sql/linking.sql"), *zBoth;
  size_t n;
  faulty_register();
  if (!zSchema || !zLinking) {
    test_result(0, "read sql/schema.sql and sql/linking.sql");
    return test_done();
  }
  n = strlen(zSchema) + strlen(zLinking) + 2;
  zBoth = malloc(n);
  snprintf(zBoth, n, "%s\n%s", zSchema, zLinking);
  run_mode("DELETE", zBoth);
  run_mode("WAL", zBoth);
  remove(DB_PATH);
  remove(DB_PATH "-wal");
  remove(DB_PATH "-shm");
  free(zSchema);
  free(zLinking);
  free(zBoth);
  return test_done();
}
