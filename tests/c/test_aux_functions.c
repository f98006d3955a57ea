/*
** The auxiliary functions on an 'arabic' table give the same bytes as they
** did when the AUX stream was the DOCUMENT stream without its colocated
** tokens (its text stemmed): snippet(), highlight() and bm25() read only
** positions and byte offsets (core/tokenize.h).
**
** The reference is a tokenizer registered here, 'arabic_docaux', that
** answers an AUX request with arabic's DOCUMENT stream less its colocated
** tokens. Two tables with the same arguments, one per tokenizer, hold the
** same rows; for every query of tools/bench.c, every match must give the
** same rowid, snippets, highlight and bm25 in both. The rows are sentences
** written here, and, when ../shared is beside the repository, the first
** 5 MB of the news that `make bench` reads. And a user's auxiliary function
** that calls xTokenize reads the folded words as written.
*/
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../../ext/sqlite_arabic.h"
#include "fts5_lookup.h"
#include "testlib.h"

#define BENCH_NEWS "../shared/data/bench/ant-news-30mb.txt.xz"
#define NEWS_BYTES 5000000

static fts5_tokenizer g_arabic; /* the real tokenizer, wrapped */

typedef struct Filter {
  void *pCtx;
  int (*xToken)(void *, int, const char *, int, int, int);
} Filter;

static int drop_colocated(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  Filter *f = pCtx;
  if (tflags & FTS5_TOKEN_COLOCATED) return SQLITE_OK;
  return f->xToken(f->pCtx, tflags, pToken, nToken, iStart, iEnd);
}

static int docaux_create(void *pUser, const char **azArg, int nArg, Fts5Tokenizer **ppOut) {
  (void)pUser;
  return g_arabic.xCreate(0, azArg, nArg, ppOut);
}

static void docaux_delete(Fts5Tokenizer *p) { g_arabic.xDelete(p); }

static int docaux_tokenize(Fts5Tokenizer *p, void *pCtx, int flags, const char *z, int n,
                           int (*xToken)(void *, int, const char *, int, int, int)) {
  Filter f;
  if (!(flags & FTS5_TOKENIZE_AUX)) return g_arabic.xTokenize(p, pCtx, flags, z, n, xToken);
  f.pCtx = pCtx;
  f.xToken = xToken;
  return g_arabic.xTokenize(p, &f, FTS5_TOKENIZE_DOCUMENT, z, n, drop_colocated);
}

static const char *azOwn[] = {
    "قال الرئيس الروسي فلاديمير بوتين إنّ وقفَ إطلاقِ النار ممكنٌ. وأكّد بموسكو أن الحكومة والمفاوضات مستمرة.",
    "ترامب: الرئيس ترامب التقى رئيس وزراء العراق. وقالت الحكومة المصرية إن الأمم المتحدة ستجتمع.",
    "ميناء الحديدة في اليمن، ومصانع الحديد في مصر وسوريا؛ الانتخابات الليبية والانتخاب المباشر.",
    "من هو رئيس وزراء العراق؟ هو الذي قاد الحكومة في الانتخابات. الحكومةُ الجديدة: وزراء من الأحزاب.",
    "أعلنت الحكومة في مصر وسوريا خطة جديدة، ورحبت بها الأمم المتحدة.",
};

static const char *azQuery[] = {
    "الحكومة", "ترامب", "والمفاوضات", "الانتخاب*", "\"الأمم المتحدة\"", "NEAR(الرئيس ترامب, 5)",
    "(مصر OR سوريا) AND الحكومة NOT ليبيا", "\"من\" OR \"هو\" OR \"رئيس\" OR \"وزراء\" OR \"العراق\"", "الحديدة",
};

static void exec_ok(sqlite3 *db, const char *zSql) {
  char *zErr = 0;
  if (sqlite3_exec(db, zSql, 0, 0, &zErr) != SQLITE_OK) {
    test_result(0, zSql);
    printf("#   %s\n", zErr ? zErr : "");
  }
  sqlite3_free(zErr);
}

/* Insert the rows into both tables. */
static int insert_rows(sqlite3 *db, int bNews) {
  sqlite3_stmt *pA = 0, *pB = 0;
  size_t i;
  int n = 0;
  sqlite3_prepare_v2(db, "INSERT INTO a(body) VALUES (?1)", -1, &pA, 0);
  sqlite3_prepare_v2(db, "INSERT INTO b(body) VALUES (?1)", -1, &pB, 0);
  for (i = 0; i < sizeof(azOwn) / sizeof(azOwn[0]); i++) {
    sqlite3_bind_text(pA, 1, azOwn[i], -1, SQLITE_STATIC);
    sqlite3_bind_text(pB, 1, azOwn[i], -1, SQLITE_STATIC);
    sqlite3_step(pA), sqlite3_reset(pA);
    sqlite3_step(pB), sqlite3_reset(pB);
    n++;
  }
  if (bNews) {
    FILE *f = popen("xz -dc '" BENCH_NEWS "'", "r");
    char *zLine = 0;
    size_t nAlloc = 0, nRead = 0;
    ssize_t len;
    while (f && nRead < NEWS_BYTES && (len = getline(&zLine, &nAlloc, f)) > 0) {
      nRead += (size_t)len;
      if (zLine[len - 1] == '\n') zLine[--len] = 0;
      if (len == 0) continue;
      sqlite3_bind_text(pA, 1, zLine, (int)len, SQLITE_STATIC);
      sqlite3_bind_text(pB, 1, zLine, (int)len, SQLITE_STATIC);
      sqlite3_step(pA), sqlite3_reset(pA);
      sqlite3_step(pB), sqlite3_reset(pB);
      n++;
    }
    free(zLine);
    if (f) pclose(f);
  }
  sqlite3_finalize(pA);
  sqlite3_finalize(pB);
  return n;
}

/* Every match of zQuery, as one string per row, in rowid order. */
static const char *zRowSql =
    "SELECT rowid, snippet(%s, 0, '[', ']', '…', 12), snippet(%s, -1, '<', '>', '...', 40), "
    "snippet(%s, 0, '', '', '', 3), highlight(%s, 0, '{', '}'), printf('%%.17g', bm25(%s)) "
    "FROM %s WHERE %s MATCH ?1 ORDER BY rowid";

static void compare_tables(sqlite3 *db, const char *zArgs, int nRow) {
  sqlite3_stmt *apStmt[2];
  char zName[512];
  size_t q;
  int t;
  for (t = 0; t < 2; t++) {
    const char *z = t ? "b" : "a";
    char *zSql = sqlite3_mprintf(zRowSql, z, z, z, z, z, z, z);
    sqlite3_prepare_v2(db, zSql, -1, &apStmt[t], 0);
    sqlite3_free(zSql);
  }
  for (q = 0; q < sizeof(azQuery) / sizeof(azQuery[0]); q++) {
    int nMatch = 0, nDiff = 0, ra, rb;
    for (t = 0; t < 2; t++) sqlite3_bind_text(apStmt[t], 1, azQuery[q], -1, SQLITE_STATIC);
    for (;;) {
      int c;
      ra = sqlite3_step(apStmt[0]);
      rb = sqlite3_step(apStmt[1]);
      if (ra != SQLITE_ROW || rb != SQLITE_ROW) break;
      nMatch++;
      for (c = 0; c < 6; c++) {
        const char *za = (const char *)sqlite3_column_text(apStmt[0], c);
        const char *zb = (const char *)sqlite3_column_text(apStmt[1], c);
        if (strcmp(za ? za : "", zb ? zb : "") != 0) {
          if (nDiff++ == 0) printf("#   row %s, column %d:\n#   %s\n#   %s\n", sqlite3_column_text(apStmt[0], 0), c, za, zb);
        }
      }
    }
    snprintf(zName, sizeof(zName), "%s, %d rows, %s: same matches", zArgs, nRow, azQuery[q]);
    test_result(ra == SQLITE_DONE && rb == SQLITE_DONE && nMatch > 0, zName);
    snprintf(zName, sizeof(zName), "%s, %d rows, %s: snippet, highlight, bm25 identical (%d matches)", zArgs,
             nRow, azQuery[q], nMatch);
    check_int(zName, nDiff, 0);
    for (t = 0; t < 2; t++) sqlite3_reset(apStmt[t]);
  }
  for (t = 0; t < 2; t++) sqlite3_finalize(apStmt[t]);
}

/* A user's auxiliary function: the tokens xTokenize gives it for column 0,
** space separated, '+' before a colocated one. */
typedef struct Tokens {
  char z[4096];
  int n;
} Tokens;

static int collect_token(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  Tokens *t = pCtx;
  (void)iStart, (void)iEnd;
  t->n += snprintf(t->z + t->n, sizeof(t->z) - (size_t)t->n, "%s%s%.*s", t->n ? " " : "",
                   (tflags & FTS5_TOKEN_COLOCATED) ? "+" : "", nToken, pToken);
  if (t->n >= (int)sizeof(t->z)) t->n = (int)sizeof(t->z) - 1;
  return SQLITE_OK;
}

static void aux_tokens(const Fts5ExtensionApi *pApi, Fts5Context *pFts, sqlite3_context *pCtx, int nVal,
                       sqlite3_value **apVal) {
  Tokens t;
  const char *z;
  int n, rc;
  (void)nVal, (void)apVal;
  t.n = 0;
  t.z[0] = 0;
  rc = pApi->xColumnText(pFts, 0, &z, &n);
  if (rc == SQLITE_OK) rc = pApi->xTokenize(pFts, z, n, &t, collect_token);
  if (rc == SQLITE_OK) sqlite3_result_text(pCtx, t.z, t.n, SQLITE_TRANSIENT);
  else sqlite3_result_error_code(pCtx, rc);
}

/* What a user's auxiliary function reads: the folded words as written. */
static void test_user_function(sqlite3 *db, fts5_api *api) {
  sqlite3_stmt *pStmt = 0;
  check_int("aux_tokens registered", api->xCreateFunction(api, "aux_tokens", 0, aux_tokens, 0), SQLITE_OK);
  exec_ok(db, "CREATE VIRTUAL TABLE u USING fts5(body, tokenize = 'arabic variants 1');"
              "INSERT INTO u(body) VALUES ('قال الرئيس الروسي فلاديمير بوتين إنّ وقفَ إطلاقِ النار ممكنٌ. "
              "وأكّد بموسكو أن الحكومة والمفاوضات مستمرة.')");
  sqlite3_prepare_v2(db, "SELECT aux_tokens(u) FROM u WHERE u MATCH 'بوتين'", -1, &pStmt, 0);
  check_int("a user auxiliary function: one row", sqlite3_step(pStmt), SQLITE_ROW);
  check_str("a user auxiliary function reads the folded words as written, one per position",
            (const char *)sqlite3_column_text(pStmt, 0),
            "قال الرييس الروسي فلاديمير بوتين ان وقف اطلاق النار ممكن واكد بموسكو ان الحكومه والمفاوضات مستمره");
  sqlite3_finalize(pStmt);
  exec_ok(db, "DROP TABLE u");
}

int main(void) {
  static const char *azArgs[] = {"", "variants 1", "version 1", "stopwords 1"};
  sqlite3 *db;
  fts5_api *api;
  void *pUser = 0;
  fts5_tokenizer docaux = {docaux_create, docaux_delete, docaux_tokenize};
  int bNews = access(BENCH_NEWS, R_OK) == 0;
  size_t a;
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  sqlite3_open(":memory:", &db);
  api = fts5_api_of(db);
  if (!api || api->xFindTokenizer(api, "arabic", &pUser, &g_arabic) != SQLITE_OK) {
    test_result(0, "the arabic tokenizer found");
    return test_done();
  }
  check_int("arabic_docaux registered", api->xCreateTokenizer(api, "arabic_docaux", 0, &docaux, 0), SQLITE_OK);
  test_user_function(db, api);
  if (!bNews) printf("# %s not found: own sentences only\n", BENCH_NEWS);
  for (a = 0; a < sizeof(azArgs) / sizeof(azArgs[0]); a++) {
    char *zSql = sqlite3_mprintf("DROP TABLE IF EXISTS a; DROP TABLE IF EXISTS b;"
                                 "CREATE VIRTUAL TABLE a USING fts5(body, tokenize = 'arabic %s');"
                                 "CREATE VIRTUAL TABLE b USING fts5(body, tokenize = 'arabic_docaux %s');",
                                 azArgs[a], azArgs[a]);
    int nRow;
    exec_ok(db, zSql);
    sqlite3_free(zSql);
    exec_ok(db, "BEGIN");
    /* the news once, with the default arguments (the bench's table) */
    nRow = insert_rows(db, bNews && a == 0);
    exec_ok(db, "COMMIT");
    compare_tables(db, azArgs[a][0] ? azArgs[a] : "arabic", nRow);
  }
  sqlite3_close(db);
  return test_done();
}
