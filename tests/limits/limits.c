/*
** make test-limits: the documented resource limits at full size, too big
** for make test (about 30 s and 3.5 GB). See docs/reliability.md.
**
**   - arabic_entities reads a text of exactly 16 MiB (AR_ENTITIES_MAX_TEXT)
**     of prose and of punctuation only (a token per byte, the worst case);
**     one byte more is an error before any work. The peak of SQLite's
**     allocator during each call, per input byte, stays under the bound
**     the docs give.
**   - arabic_query takes 256 words and refuses 257, also in a phrase and
**     in 10 MB of words, with little memory.
**
** Prints 'ok - NAME' / 'not ok - NAME' and '# ' lines with the measures.
*/
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "../c/testlib.h"

#define MAX_TEXT (16 * 1024 * 1024)
#define SENTENCE "قال الرئيس الروسي فلاديمير بوتين في موسكو يوم الأربعاء إن ترامب سيزور الكرملين. "
#define SENTENCE_ENTITIES 5

/* Bytes of memory per input byte the docs promise (docs/reliability.md). */
#define BOUND_PROSE 40
#define BOUND_WORST 200

static sqlite3 *g_db;

/* z[0..n) filled with copies of zUnit, the end padded with spaces. */
static char *repeat(const char *zUnit, size_t n, long long *pCopies) {
  size_t u = strlen(zUnit), i;
  char *z = malloc(n + 1);
  if (!z) abort();
  *pCopies = 0;
  for (i = 0; i + u <= n; i += u) {
    memcpy(z + i, zUnit, u);
    ++*pCopies;
  }
  memset(z + i, ' ', n - i);
  z[n] = 0;
  return z;
}

/* Run sql with ?1 = z[0..n); the first column of the last row in *pv, the
** peak of SQLite's memory above what was in use before in *pPeak. */
static int run(const char *zSql, const char *z, size_t n, long long *pv, long long *pPeak, char *zErr, int nErr) {
  sqlite3_stmt *st;
  long long before;
  int rc;
  zErr[0] = 0;
  if (sqlite3_prepare_v2(g_db, zSql, -1, &st, 0) != SQLITE_OK) abort();
  sqlite3_bind_text64(st, 1, z, n, SQLITE_STATIC, SQLITE_UTF8);
  before = sqlite3_memory_used();
  sqlite3_memory_highwater(1);
  *pv = -1;
  while ((rc = sqlite3_step(st)) == SQLITE_ROW) *pv = sqlite3_column_int64(st, 0);
  *pPeak = sqlite3_memory_highwater(0) - before;
  if (rc != SQLITE_DONE) snprintf(zErr, (size_t)nErr, "%s", sqlite3_errmsg(g_db));
  sqlite3_finalize(st);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

static void entities_at_the_limit(const char *zName, const char *zUnit, int nPerUnit, long long bound) {
  long long copies, n, peak;
  char zTest[128], zErr[256];
  char *z = repeat(zUnit, MAX_TEXT, &copies);
  int rc = run("SELECT count(*) FROM arabic_entities(?1)", z, MAX_TEXT, &n, &peak, zErr, sizeof(zErr));
  snprintf(zTest, sizeof(zTest), "arabic_entities of 16 MiB of %s", zName);
  check_str(zTest, zErr, "");
  snprintf(zTest, sizeof(zTest), "arabic_entities of 16 MiB of %s: every entity", zName);
  check_int(zTest, rc == SQLITE_OK ? n : -1, copies * nPerUnit);
  printf("# %s: %.1f MB of memory at the peak, %.1f bytes per input byte\n", zName, peak / 1e6,
         (double)peak / MAX_TEXT);
  snprintf(zTest, sizeof(zTest), "arabic_entities of 16 MiB of %s: at most %lld bytes per byte", zName, bound);
  test_result(peak <= bound * MAX_TEXT, zTest);
  free(z);
}

static void entities_above_the_limit(void) {
  long long copies, n, peak;
  char zErr[256];
  char *z = repeat(SENTENCE, MAX_TEXT + 1, &copies);
  int rc = run("SELECT count(*) FROM arabic_entities(?1)", z, MAX_TEXT + 1, &n, &peak, zErr, sizeof(zErr));
  check_int("arabic_entities of 16 MiB + 1 byte: SQLITE_TOOBIG", rc, SQLITE_TOOBIG);
  check_str("arabic_entities of 16 MiB + 1 byte: the message", zErr,
            "arabic_entities: text too long (16777217 bytes, the most is 16777216): split it");
  printf("# above the limit: %.1f kB of memory at the peak\n", peak / 1e3);
  /* SQLite copies the argument; the extension adds nothing. */
  test_result(peak < MAX_TEXT + 1 + 100000, "arabic_entities of 16 MiB + 1 byte: refused before any work");
  free(z);
}

static void query_words(void) {
  long long copies, n, peak;
  char zErr[256];
  const char *zTooMany = "arabic_query: more than 256 words: shorten the query";
  char *z = repeat("كلمة ", 256 * strlen("كلمة "), &copies);
  int rc = run("SELECT length(arabic_query(?1))", z, strlen(z), &n, &peak, zErr, sizeof(zErr));
  check_int("arabic_query of 256 words", rc == SQLITE_OK ? n : -1, 256 * 7 - 1);
  free(z);
  z = repeat("كلمة ", 257 * strlen("كلمة "), &copies);
  run("SELECT length(arabic_query(?1))", z, strlen(z), &n, &peak, zErr, sizeof(zErr));
  check_str("arabic_query of 257 words", zErr, zTooMany);
  z[0] = '"';
  run("SELECT length(arabic_query(?1))", z, strlen(z), &n, &peak, zErr, sizeof(zErr));
  check_str("arabic_query of a phrase of 257 words", zErr, zTooMany);
  free(z);
  z = repeat("كلمة ", 10 * 1000 * 1000, &copies);
  run("SELECT length(arabic_query(?1))", z, strlen(z), &n, &peak, zErr, sizeof(zErr));
  check_str("arabic_query of 10 MB of words", zErr, zTooMany);
  printf("# arabic_query of 10 MB of words: %.1f kB of memory at the peak\n", peak / 1e3);
  test_result(peak < 10 * 1000 * 1000 + 100000, "arabic_query of 10 MB of words: SQLite's copy and under 100 kB more");
  free(z);
}

int main(void) {
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  if (sqlite3_open(":memory:", &g_db) != SQLITE_OK) return 1;
  /* The model and the built-in names are loaded once, outside the measures. */
  sqlite3_exec(g_db, "SELECT * FROM arabic_entities('" SENTENCE "')", 0, 0, 0);
  entities_above_the_limit();
  query_words();
  entities_at_the_limit("prose", SENTENCE, SENTENCE_ENTITIES, BOUND_PROSE);
  entities_at_the_limit("punctuation", ".", 0, BOUND_WORST);
  sqlite3_close(g_db);
  return test_done();
}
