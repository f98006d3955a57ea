/*
** libFuzzer target: arabic_entities() with an arabic_gazetteer table, and
** arabic_name_key().
**
** Input: one byte giving how many of the following lines (0-3) are
** gazetteer rows 'name<TAB>type<TAB>canonical' (any bytes), then the text.
** Each input replaces the gazetteer, extracts the entities of the text and
** takes the name key of the text and of every entity. Checks: each entity's
** start and length (1-based characters) lie inside the text, and, when the
** text is valid UTF-8 without NUL (SQLite counts the characters of
** malformed bytes differently, and its substr() stops at a NUL),
** substr(text, start, length) is the entity
** as written; arabic_name_key
** gives the same key for a text and for the text without harakat and
** tatweel (arabic_strip_diacritics): a spelling variant of the same name.
** Without arabic_entities (a build before it) the target does nothing.
*/
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "strict_utf8.h"

static sqlite3 *g_db;
static sqlite3_stmt *g_pEntities, *g_pKey, *g_pInsert;
static int g_bReady;

static void setup(void) {
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  if (sqlite3_open(":memory:", &g_db) != SQLITE_OK) abort();
  sqlite3_exec(g_db, "CREATE TABLE arabic_gazetteer(name TEXT, type TEXT, canonical TEXT)", 0, 0, 0);
  g_bReady =
      sqlite3_prepare_v2(g_db,
                         "SELECT entity, type, start, length, canonical, "
                         "substr(?1, start, length) IS entity, start >= 1 AND start + length - 1 <= length(?1) "
                         "FROM arabic_entities(?1)",
                         -1, &g_pEntities, 0) == SQLITE_OK &&
      sqlite3_prepare_v2(g_db, "SELECT arabic_name_key(?1), arabic_name_key(arabic_strip_diacritics(?1))",
                         -1, &g_pKey, 0) == SQLITE_OK &&
      sqlite3_prepare_v2(g_db, "INSERT INTO arabic_gazetteer VALUES (?1, ?2, ?3)", -1, &g_pInsert, 0) ==
          SQLITE_OK;
  if (!g_bReady) fprintf(stderr, "fuzz_entities: this build has no arabic_entities/arabic_name_key\n");
}

/* Strict UTF-8 without NUL. */
static int valid_utf8(const unsigned char *z, int n) { return !memchr(z, 0, (size_t)n) && strict_utf8(z, n); }

/* Only for valid UTF-8 without NUL: arabic_strip_diacritics replaces the
** rest with U+FFFD, which is another text. */
static void check_key(const char *z, int n) {
  if (!valid_utf8((const unsigned char *)z, n < 0 ? (int)strlen(z) : n)) return;
  sqlite3_bind_text(g_pKey, 1, z, n, SQLITE_TRANSIENT);
  if (sqlite3_step(g_pKey) == SQLITE_ROW) {
    const char *zKey = (const char *)sqlite3_column_text(g_pKey, 0);
    const char *zKey2 = (const char *)sqlite3_column_text(g_pKey, 1);
    if ((zKey == 0) != (zKey2 == 0) || (zKey && strcmp(zKey, zKey2) != 0)) {
      fprintf(stderr, "fuzz_entities: arabic_name_key differs without harakat: [%s] / [%s]\n", zKey, zKey2);
      abort();
    }
  }
  sqlite3_reset(g_pKey);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  const char *z, *zEnd;
  int nRows, i, rc, bValid;
  if (!g_db) setup();
  if (!g_bReady || size < 1 || size > 65536) return 0;
  z = (const char *)data + 1;
  zEnd = (const char *)data + size;
  nRows = data[0] % 4;
  sqlite3_exec(g_db, "DELETE FROM arabic_gazetteer", 0, 0, 0);
  for (i = 0; i < nRows && z < zEnd; i++) {
    const char *zLine = memchr(z, '\n', (size_t)(zEnd - z));
    const char *zLineEnd = zLine ? zLine : zEnd;
    const char *f = z;
    int k;
    for (k = 1; k <= 3; k++) {
      const char *t = memchr(f, '\t', (size_t)(zLineEnd - f));
      const char *e = (t && k < 3) ? t : zLineEnd;
      sqlite3_bind_text(g_pInsert, k, f, (int)(e - f), SQLITE_TRANSIENT);
      f = e < zLineEnd ? e + 1 : zLineEnd;
    }
    sqlite3_step(g_pInsert);
    sqlite3_reset(g_pInsert);
    z = zLine ? zLine + 1 : zEnd;
  }
  bValid = valid_utf8((const unsigned char *)z, (int)(zEnd - z));
  sqlite3_bind_text(g_pEntities, 1, z, (int)(zEnd - z), SQLITE_STATIC);
  while ((rc = sqlite3_step(g_pEntities)) == SQLITE_ROW) {
    const char *zEntity = (const char *)sqlite3_column_text(g_pEntities, 0);
    if (bValid && (!sqlite3_column_int(g_pEntities, 6) || !sqlite3_column_int(g_pEntities, 5))) {
      fprintf(stderr, "fuzz_entities: entity [%s] at %d+%d is not substr(text, start, length)\n", zEntity,
              sqlite3_column_int(g_pEntities, 2), sqlite3_column_int(g_pEntities, 3));
      abort();
    }
    if (zEntity) check_key(zEntity, -1);
  }
  if (rc != SQLITE_DONE && rc != SQLITE_ERROR) {
    fprintf(stderr, "fuzz_entities: %s\n", sqlite3_errmsg(g_db));
    abort();
  }
  sqlite3_reset(g_pEntities);
  check_key(z, (int)(zEnd - z));
  return 0;
}
