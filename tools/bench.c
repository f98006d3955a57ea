/*
** make bench: what the extension costs, against SQLite's unicode61 on the
** same text in the same process.
**
**   ./build/bench [CORPUS.txt.xz]      (default ../shared/data/bench/ant-news-30mb.txt.xz)
**   BENCH_RUNS=5 BENCH_SIZES="1 3 10 30" ./build/bench
**   BENCH_TOKENIZERS="unicode61,arabic version 1,arabic" ./build/bench
**
** The corpus (one document per line) is read into memory with `xz -dc`.
** For each size (the first N MB of it, whole documents, 1 MB = 10^6 bytes)
** it measures, as the median of BENCH_RUNS interleaved runs, for each
** tokenizer (by default unicode61, arabic and arabic variants 1; the first
** is the reference of every ratio):
**
**   - tokenizer alone: xTokenize(FTS5_TOKENIZE_DOCUMENT) of every document
**     through the real fts5_api (xFindTokenizer, then xCreate with the
**     arguments), in MB/s, and a plain UTF-8 decode of the same bytes (the
**     practical limit of any tokenizer);
**   - FTS5 index build: CREATE VIRTUAL TABLE + INSERT of every document in
**     one transaction into a file database, in a child process: time, size
**     of the index (the d_data and d_idx tables, from dbstat: the stored
**     copy of the text is the same for both), peak RSS above the process's
**     own (wait4's ru_maxrss of the child, less that of an idle child);
**   - queries on that index (term, name, clitic, prefix, phrase, NEAR,
**     boolean, a question as an OR of its words, a feminine name): the
**     median latency of each written four ways, ORDER BY rank LIMIT 10
**     without and with snippet() (the idioms the documentation teaches) and
**     ORDER BY bm25(d) LIMIT 10 with snippet() (which makes SQLite compute a
**     snippet for every match before it sorts), ORDER BY bm25(d) LIMIT 10
**     without snippet() (SQLite keeps the best 10 as it goes, where FTS5's
**     rank sorts every match with its position lists), and the number of hits;
**     the difference of the first two totals is what snippet() costs;
**   - arabic_normalize, arabic_stem and arabic_entities over the documents
**     of a table, in MB/s;
**   - the cost per row of arabic_stem and arabic_tokens on short rows (the
**     first N_SHORT_ROWS words of the corpus, one a row), in microseconds:
**     a table-valued function must not rebuild its analyzer per row.
**
** Then it prints the tables for README.md: the largest size with the ratios
** arabic/unicode61, and how each figure grows with the size. A feature the
** build lacks (a function not merged yet) shows as n/a. Without the corpus
** it says so and exits 0.
*/
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sqlite3.h>

#include "../ext/sqlite_arabic.h"
#include "../core/utf8.h"

#define DEFAULT_CORPUS "../shared/data/bench/ant-news-30mb.txt.xz"
#define MAX_RUNS 15
#define MAX_SIZES 8
#define MAX_TOK 6
#define MAX_ARGS 16
#define N_QUERY 9
#define N_FUNC 3
#define N_MODE 4

/* The tokenizers compared, the first the reference of every ratio
** (BENCH_TOKENIZERS="unicode61,arabic version 1,arabic" overrides them). */
static const char *azDefaultTok[] = {"unicode61", "arabic", "arabic variants 1"};
static const char *g_azTok[MAX_TOK];
static int g_nTok;

static const struct {
  const char *zKind;
  const char *zMatch;
} aQuery[N_QUERY] = {
    {"term", "الحكومة"},
    {"name", "ترامب"},
    {"clitic", "والمفاوضات"},
    {"prefix", "الانتخاب*"},
    {"phrase", "\"الأمم المتحدة\""},
    {"NEAR", "NEAR(الرئيس ترامب, 5)"},
    {"boolean", "(مصر OR سوريا) AND الحكومة NOT ليبيا"},
    {"question", "\"من\" OR \"هو\" OR \"رئيس\" OR \"وزراء\" OR \"العراق\""},
    {"feminine", "الحديدة"}, /* Hodeidah: with format 1 a quarter of the hits only say الحديد (iron) */
};

/* How a search is written: the fast idioms the documentation teaches (FTS5
** sorts by rank itself, then snippet() runs for the 10 rows kept), and the
** slow one (SQLite sorts, and computes a snippet for every match first). */
static const struct {
  const char *zName;
  const char *zSql;
} aMode[N_MODE] = {
    {"`ORDER BY rank LIMIT 10`", "SELECT rowid FROM d WHERE d MATCH ?1 ORDER BY rank LIMIT 10"},
    {"`ORDER BY rank LIMIT 10` + `snippet()`",
     "SELECT rowid, snippet(d, 0, '[', ']', '…', 12) FROM d WHERE d MATCH ?1 ORDER BY rank LIMIT 10"},
    {"`ORDER BY bm25(d) LIMIT 10` + `snippet()` (slow idiom)",
     "SELECT rowid, snippet(d, 0, '[', ']', '…', 12) FROM d WHERE d MATCH ?1 ORDER BY bm25(d) LIMIT 10"},
    {"`ORDER BY bm25(d) LIMIT 10` without `snippet()`",
     "SELECT rowid FROM d WHERE d MATCH ?1 ORDER BY bm25(d) LIMIT 10"},
};

static const struct {
  const char *zName;
  const char *zSql; /* over table t(body) */
} aFunc[N_FUNC] = {
    {"arabic_normalize", "SELECT sum(length(arabic_normalize(body))) FROM t"},
    {"arabic_stem", "SELECT sum(length(arabic_stem(body))) FROM t"},
    {"arabic_entities", "SELECT count(*) FROM t, arabic_entities(t.body)"},
};

typedef struct Corpus {
  char *z;
  size_t n;
  int nDoc;
  size_t *aOff; /* start of each document */
  int *aLen;    /* its length in bytes, without the newline */
} Corpus;

/* What one size measured, runs kept for the median. */
typedef struct Figures {
  double mb;                                       /* size of the documents, MB */
  int nDoc;
  double aTokenize[MAX_TOK][MAX_RUNS];             /* MB/s, <0: tokenizer missing */
  long nTokens[MAX_TOK];
  double aDecode[MAX_RUNS];                        /* MB/s */
  double aBuild[MAX_TOK][MAX_RUNS];                /* seconds */
  double indexMb[MAX_TOK], rssMb[MAX_TOK];
  double aQuery[MAX_TOK][N_MODE][N_QUERY][MAX_RUNS]; /* milliseconds */
  long nHits[MAX_TOK][N_QUERY];
  double aFunc[N_FUNC][MAX_RUNS];                  /* MB/s, <0: not in this build */
} Figures;

static int g_nRuns = 5;
static int g_bHave[MAX_TOK]; /* the build has this tokenizer */

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static int cmp_double(const void *a, const void *b) {
  double x = *(const double *)a, y = *(const double *)b;
  return x < y ? -1 : x > y;
}

static double median(const double *a, int n) {
  double s[MAX_RUNS];
  memcpy(s, a, sizeof(double) * (size_t)n);
  qsort(s, (size_t)n, sizeof(double), cmp_double);
  return n % 2 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

static void die(const char *zWhat, sqlite3 *db) {
  fprintf(stderr, "bench: %s%s%s\n", zWhat, db ? ": " : "", db ? sqlite3_errmsg(db) : "");
  exit(1);
}

/* ---- the corpus ---------------------------------------------------------- */

static int read_corpus(const char *zPath, Corpus *c) {
  char *zCmd;
  FILE *f;
  size_t nAlloc = 1 << 25, i, start;
  if (access(zPath, R_OK) != 0) return 0;
  zCmd = sqlite3_mprintf("xz -dc '%s'", zPath);
  f = popen(zCmd, "r");
  sqlite3_free(zCmd);
  if (!f) die("cannot run xz", 0);
  c->z = malloc(nAlloc);
  c->n = 0;
  for (;;) {
    size_t got;
    if (c->n == nAlloc && !(c->z = realloc(c->z, nAlloc *= 2))) die("out of memory", 0);
    got = fread(c->z + c->n, 1, nAlloc - c->n, f);
    if (got == 0) break;
    c->n += got;
  }
  if (pclose(f) != 0 || c->n == 0) die("xz -dc failed on the corpus", 0);
  c->nDoc = 0;
  for (i = 0; i < c->n; i++) c->nDoc += c->z[i] == '\n';
  c->aOff = malloc(sizeof(size_t) * (size_t)(c->nDoc + 1));
  c->aLen = malloc(sizeof(int) * (size_t)(c->nDoc + 1));
  c->nDoc = 0;
  for (start = 0, i = 0; i <= c->n; i++) {
    if (i == c->n || c->z[i] == '\n') {
      if (i > start) {
        c->aOff[c->nDoc] = start;
        c->aLen[c->nDoc] = (int)(i - start);
        c->nDoc++;
      }
      start = i + 1;
    }
  }
  return 1;
}

/* How many documents make the first `mb` MB, and their size. */
static int docs_for(const Corpus *c, double mb, double *pMb) {
  double limit = mb * 1e6, total = 0;
  int i;
  for (i = 0; i < c->nDoc && (i == 0 || total + c->aLen[i] <= limit); i++) total += c->aLen[i];
  *pMb = total / 1e6;
  return i;
}

/* ---- tokenizer alone ----------------------------------------------------- */

static fts5_api *get_fts5(sqlite3 *db) {
  fts5_api *api = 0;
  sqlite3_stmt *pStmt = 0;
  if (sqlite3_prepare_v2(db, "SELECT fts5(?1)", -1, &pStmt, 0) == SQLITE_OK) {
    sqlite3_bind_pointer(pStmt, 1, (void *)&api, "fts5_api_ptr", 0);
    sqlite3_step(pStmt);
  }
  sqlite3_finalize(pStmt);
  return api;
}

static int count_token(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  (void)tflags, (void)pToken, (void)nToken, (void)iStart, (void)iEnd;
  ++*(long *)pCtx;
  return SQLITE_OK;
}

/* Split "arabic variants 1" into its name and arguments, in zBuf. */
static int split_tokenizer(const char *zTok, char *zBuf, size_t nBuf, const char **azArg) {
  int n = 0;
  char *p;
  snprintf(zBuf, nBuf, "%s", zTok);
  for (p = strtok(zBuf, " "); p && n < MAX_ARGS; p = strtok(0, " ")) azArg[n++] = p;
  return n;
}

static double tokenize_mbps(fts5_api *api, const char *zTok, const Corpus *c, int nDoc, double mb, long *pn) {
  void *pUser = 0;
  fts5_tokenizer t;
  Fts5Tokenizer *pTok = 0;
  char zBuf[256];
  const char *azArg[MAX_ARGS];
  int nArg = split_tokenizer(zTok, zBuf, sizeof(zBuf), azArg), i;
  double t0;
  *pn = 0;
  if (nArg == 0 || api->xFindTokenizer(api, azArg[0], &pUser, &t) != SQLITE_OK) return -1;
  if (t.xCreate(pUser, azArg + 1, nArg - 1, &pTok) != SQLITE_OK) die("tokenizer xCreate failed", 0);
  t0 = now();
  for (i = 0; i < nDoc; i++)
    t.xTokenize(pTok, pn, FTS5_TOKENIZE_DOCUMENT, c->z + c->aOff[i], c->aLen[i], count_token);
  t0 = now() - t0;
  t.xDelete(pTok);
  return mb / t0;
}

static double decode_mbps(const Corpus *c, int nDoc, double mb) {
  volatile uint32_t sink = 0;
  uint32_t sum = 0;
  double t0 = now();
  int i;
  for (i = 0; i < nDoc; i++) {
    const unsigned char *z = (const unsigned char *)c->z + c->aOff[i];
    int j = 0, n = c->aLen[i];
    while (j < n) sum += ar_utf8_decode(z, n, &j);
  }
  sink = sum;
  (void)sink;
  return mb / (now() - t0);
}

/* ---- index build, in a child process ------------------------------------- */

static void exec_or_die(sqlite3 *db, const char *zSql) {
  if (sqlite3_exec(db, zSql, 0, 0, 0) != SQLITE_OK) die(zSql, db);
}

static void build_index(const char *zPath, const char *zTok, const Corpus *c, int nDoc, double out[2]) {
  sqlite3 *db;
  sqlite3_stmt *pStmt;
  char zSql[256];
  double t0;
  int i;
  unlink(zPath);
  if (sqlite3_open(zPath, &db) != SQLITE_OK) die("open", db);
  exec_or_die(db, "PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF");
  t0 = now();
  snprintf(zSql, sizeof(zSql), "CREATE VIRTUAL TABLE d USING fts5(body, tokenize = '%s')", zTok);
  exec_or_die(db, zSql);
  exec_or_die(db, "BEGIN");
  if (sqlite3_prepare_v2(db, "INSERT INTO d(body) VALUES (?1)", -1, &pStmt, 0) != SQLITE_OK) die("insert", db);
  for (i = 0; i < nDoc; i++) {
    sqlite3_bind_text(pStmt, 1, c->z + c->aOff[i], c->aLen[i], SQLITE_STATIC);
    if (sqlite3_step(pStmt) != SQLITE_DONE) die("insert", db);
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  exec_or_die(db, "COMMIT");
  out[0] = now() - t0;
  if (sqlite3_prepare_v2(db, "SELECT sum(pgsize) FROM dbstat WHERE name IN ('d_data', 'd_idx')", -1, &pStmt,
                         0) != SQLITE_OK)
    die("dbstat", db);
  out[1] = sqlite3_step(pStmt) == SQLITE_ROW ? sqlite3_column_double(pStmt, 0) / 1e6 : -1;
  sqlite3_finalize(pStmt);
  sqlite3_close(db);
}

/* Run build_index (or nothing, zTok NULL) in a child; its results and its
** peak RSS in MB. */
static void in_child(const char *zPath, const char *zTok, const Corpus *c, int nDoc, double out[3]) {
  int fd[2], status;
  struct rusage ru;
  pid_t pid;
  double res[2] = {0, 0};
  if (pipe(fd) != 0) die("pipe", 0);
  pid = fork();
  if (pid < 0) die("fork", 0);
  if (pid == 0) {
    close(fd[0]);
    if (zTok) build_index(zPath, zTok, c, nDoc, res);
    if (write(fd[1], res, sizeof(res)) != (ssize_t)sizeof(res)) _exit(2);
    _exit(0);
  }
  close(fd[1]);
  if (read(fd[0], res, sizeof(res)) != (ssize_t)sizeof(res)) die("index build failed in the child", 0);
  close(fd[0]);
  if (wait4(pid, &status, 0, &ru) < 0 || !WIFEXITED(status) || WEXITSTATUS(status) != 0)
    die("index build child failed", 0);
  out[0] = res[0];
  out[1] = res[1];
  out[2] = (double)ru.ru_maxrss / 1024.0;
}

/* ---- queries ------------------------------------------------------------- */

static void run_queries(const char *zPath, Figures *f, int iTok, int iRun) {
  sqlite3 *db;
  sqlite3_stmt *apStmt[N_MODE], *pCount;
  int q, m;
  if (sqlite3_open_v2(zPath, &db, SQLITE_OPEN_READONLY, 0) != SQLITE_OK) die("open index", db);
  for (m = 0; m < N_MODE; m++) {
    if (sqlite3_prepare_v2(db, aMode[m].zSql, -1, &apStmt[m], 0) != SQLITE_OK) die("query", db);
  }
  if (sqlite3_prepare_v2(db, "SELECT count(*) FROM d WHERE d MATCH ?1", -1, &pCount, 0) != SQLITE_OK)
    die("query", db);
  for (q = 0; q < N_QUERY; q++) {
    for (m = 0; m < N_MODE; m++) {
      double t0, best[MAX_RUNS];
      int k, nRep = 5;
      /* a warm-up (page cache), then the median of nRep */
      for (k = -1; k < nRep; k++) {
        t0 = now();
        sqlite3_bind_text(apStmt[m], 1, aQuery[q].zMatch, -1, SQLITE_STATIC);
        while (sqlite3_step(apStmt[m]) == SQLITE_ROW) sqlite3_column_text(apStmt[m], 1);
        if (sqlite3_reset(apStmt[m]) != SQLITE_OK) die(aQuery[q].zMatch, db);
        if (k >= 0) best[k] = (now() - t0) * 1e3;
      }
      f->aQuery[iTok][m][q][iRun] = median(best, nRep);
    }
    sqlite3_bind_text(pCount, 1, aQuery[q].zMatch, -1, SQLITE_STATIC);
    f->nHits[iTok][q] = sqlite3_step(pCount) == SQLITE_ROW ? sqlite3_column_int64(pCount, 0) : -1;
    sqlite3_reset(pCount);
  }
  for (m = 0; m < N_MODE; m++) sqlite3_finalize(apStmt[m]);
  sqlite3_finalize(pCount);
  sqlite3_close(db);
}

/* ---- SQL functions ------------------------------------------------------- */

static sqlite3 *table_of_docs(const Corpus *c, int nDoc) {
  sqlite3 *db;
  sqlite3_stmt *pStmt;
  int i;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open", db);
  exec_or_die(db, "CREATE TABLE t(body TEXT); BEGIN");
  if (sqlite3_prepare_v2(db, "INSERT INTO t VALUES (?1)", -1, &pStmt, 0) != SQLITE_OK) die("insert", db);
  for (i = 0; i < nDoc; i++) {
    sqlite3_bind_text(pStmt, 1, c->z + c->aOff[i], c->aLen[i], SQLITE_STATIC);
    sqlite3_step(pStmt);
    sqlite3_reset(pStmt);
  }
  sqlite3_finalize(pStmt);
  exec_or_die(db, "COMMIT");
  return db;
}

static double function_mbps(sqlite3 *db, int iFunc, double mb) {
  sqlite3_stmt *pStmt;
  double t0;
  if (sqlite3_prepare_v2(db, aFunc[iFunc].zSql, -1, &pStmt, 0) != SQLITE_OK) return -1; /* not in this build */
  t0 = now();
  while (sqlite3_step(pStmt) == SQLITE_ROW) {
  }
  if (sqlite3_finalize(pStmt) != SQLITE_OK) die(aFunc[iFunc].zSql, db);
  return mb / (now() - t0);
}

/* ---- cost per row on short rows ---------------------------------------- */

#define N_SHORT_ROWS 20000
#define N_PER_ROW 3

static const struct {
  const char *zName;
  const char *zSql; /* over table w(x), one word a row */
} aPerRow[N_PER_ROW] = {
    {"arabic_stem(x)", "SELECT sum(length(arabic_stem(x))) FROM w"},
    {"arabic_tokens(x)", "SELECT count(*) FROM w, arabic_tokens(w.x)"},
    {"arabic_tokens(x, 'variants 1')", "SELECT count(*) FROM w, arabic_tokens(w.x, 'variants 1')"},
};

/* Table w(x) of the first N_SHORT_ROWS space-separated words of the corpus. */
static sqlite3 *table_of_words(const Corpus *c) {
  sqlite3 *db;
  sqlite3_stmt *pStmt;
  size_t i = 0;
  int n = 0;
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open", db);
  exec_or_die(db, "CREATE TABLE w(x TEXT); BEGIN");
  if (sqlite3_prepare_v2(db, "INSERT INTO w VALUES (?1)", -1, &pStmt, 0) != SQLITE_OK) die("insert", db);
  while (i < c->n && n < N_SHORT_ROWS) {
    size_t j = i;
    while (j < c->n && c->z[j] != ' ' && c->z[j] != '\n') j++;
    if (j > i) {
      sqlite3_bind_text(pStmt, 1, c->z + i, (int)(j - i), SQLITE_STATIC);
      sqlite3_step(pStmt);
      sqlite3_reset(pStmt);
      n++;
    }
    i = j + 1;
  }
  sqlite3_finalize(pStmt);
  exec_or_die(db, "COMMIT");
  return db;
}

/* Median microseconds per row of each aPerRow query; <0: not in this build. */
static void per_row_costs(const Corpus *c, double *aUs) {
  double a[N_PER_ROW][MAX_RUNS];
  sqlite3 *db = table_of_words(c);
  int r, q;
  for (r = 0; r < g_nRuns; r++) {
    for (q = 0; q < N_PER_ROW; q++) {
      sqlite3_stmt *pStmt;
      double t0 = now();
      a[q][r] = -1;
      if (sqlite3_prepare_v2(db, aPerRow[q].zSql, -1, &pStmt, 0) != SQLITE_OK) continue;
      while (sqlite3_step(pStmt) == SQLITE_ROW) {
      }
      if (sqlite3_finalize(pStmt) != SQLITE_OK) die(aPerRow[q].zSql, db);
      a[q][r] = (now() - t0) * 1e6 / N_SHORT_ROWS;
    }
  }
  for (q = 0; q < N_PER_ROW; q++) aUs[q] = a[q][0] < 0 ? -1 : median(a[q], g_nRuns);
  sqlite3_close(db);
}

/* ---- one size ------------------------------------------------------------ */

static void measure(const Corpus *c, double mbWanted, fts5_api *api, const char *zDir, Figures *f) {
  char zPath[MAX_TOK][512];
  sqlite3 *db;
  int r, k, q;
  memset(f, 0, sizeof(*f));
  f->nDoc = docs_for(c, mbWanted, &f->mb);
  db = table_of_docs(c, f->nDoc);
  for (k = 0; k < g_nTok; k++) snprintf(zPath[k], sizeof(zPath[k]), "%s/bench-%d-%d.db", zDir, (int)getpid(), k);
  for (r = 0; r < g_nRuns; r++) {
    double idle[3];
    f->aDecode[r] = decode_mbps(c, f->nDoc, f->mb);
    in_child(0, 0, c, f->nDoc, idle);
    for (k = 0; k < g_nTok; k++) {
      double res[3];
      if (!g_bHave[k]) continue;
      f->aTokenize[k][r] = tokenize_mbps(api, g_azTok[k], c, f->nDoc, f->mb, &f->nTokens[k]);
      in_child(zPath[k], g_azTok[k], c, f->nDoc, res);
      f->aBuild[k][r] = res[0];
      f->indexMb[k] = res[1];
      f->rssMb[k] = res[2] - idle[2] > f->rssMb[k] ? res[2] - idle[2] : f->rssMb[k];
      run_queries(zPath[k], f, k, r);
    }
    for (q = 0; q < N_FUNC; q++) f->aFunc[q][r] = function_mbps(db, q, f->mb);
  }
  sqlite3_close(db);
  for (k = 0; k < g_nTok; k++) unlink(zPath[k]);
  fprintf(stderr, "bench: %.1f MB done\n", f->mb);
}

/* ---- report -------------------------------------------------------------- */

static void cell(double v, const char *zFmt) {
  if (v < 0)
    printf(" n/a |");
  else {
    printf(" ");
    printf(zFmt, v);
    printf(" |");
  }
}

static void ratio(double a, double b) {
  if (a <= 0 || b <= 0)
    printf(" n/a |");
  else
    printf(" %.2fx |", a / b);
}

/* 'a / b' in one cell, n/a for a missing figure. */
static void pair(double a, double b, const char *zFmt) {
  printf(" ");
  if (a < 0) printf("n/a"); else printf(zFmt, a);
  printf(" / ");
  if (b < 0) printf("n/a"); else printf(zFmt, b);
  printf(" |");
}

/* 'a / b / c' in one cell, one figure per tokenizer. */
static void list(const double *a, const char *zFmt) {
  int k;
  for (k = 0; k < g_nTok; k++) {
    printf(k ? " / " : " ");
    if (a[k] < 0) printf("n/a"); else printf(zFmt, a[k]);
  }
  printf(" |");
}

/* The median of tokenizer k's runs, or -1 when the build lacks it. */
static double med(const double *aRuns, int k) { return g_bHave[k] ? median(aRuns, g_nRuns) : -1; }

/* Total milliseconds of every query in mode m. */
static double total_ms(const Figures *f, int k, int m) {
  double t = 0;
  int q;
  if (!g_bHave[k]) return -1;
  for (q = 0; q < N_QUERY; q++) t += median(f->aQuery[k][m][q], g_nRuns);
  return t;
}

/* One row: a figure per tokenizer, then each one's ratio to the first. */
static void row(const char *zName, const double *a, const char *zFmt, const char *zGoal) {
  int k;
  printf("| %s |", zName);
  for (k = 0; k < g_nTok; k++) cell(a[k], zFmt);
  for (k = 1; k < g_nTok; k++) ratio(a[k], a[0]);
  printf(" %s |\n", zGoal);
}

/* A row with one figure, in the first tokenizer's column. */
static void row1(const char *zName, double v, const char *zFmt, const char *zGoal) {
  int k;
  printf("| %s |", zName);
  cell(v, zFmt);
  for (k = 1; k < 2 * g_nTok - 1; k++) printf(" |");
  printf(" %s |\n", zGoal);
}

static void print_main(const Figures *f) {
  double a[MAX_TOK];
  char zName[256];
  int q, m, k;
  printf("\n### %.1f MB of news (%d documents), medians of %d interleaved runs\n\n| measure |", f->mb, f->nDoc,
         g_nRuns);
  for (k = 0; k < g_nTok; k++) printf(" `%s` |", g_azTok[k]);
  for (k = 1; k < g_nTok; k++) printf(" %d / 1 |", k + 1);
  printf(" goal |\n|---|");
  for (k = 1; k < 2 * g_nTok; k++) printf("---:|");
  printf("---|\n");
  for (k = 0; k < g_nTok; k++) a[k] = med(f->aTokenize[k], k);
  row("tokenizer alone, MB/s (higher is better)", a, "%.1f", "");
  for (k = 0; k < g_nTok; k++) a[k] = g_bHave[k] ? (double)f->nTokens[k] : -1;
  row("tokens emitted (document mode, colocated included)", a, "%.0f", "");
  row1("plain UTF-8 decode of the same bytes, MB/s (the limit)", median(f->aDecode, g_nRuns), "%.1f", "");
  for (k = 0; k < g_nTok; k++) a[k] = med(f->aBuild[k], k);
  row("index build, s (lower is better)", a, "%.2f", "<= 0.85x; variants 1 <= 1.5x");
  for (k = 0; k < g_nTok; k++) a[k] = g_bHave[k] ? f->indexMb[k] : -1;
  row("index size (d_data + d_idx), MB", a, "%.1f", "<= 1.0x; variants 1 <= 1.5x");
  for (k = 0; k < g_nTok; k++) a[k] = g_bHave[k] ? f->rssMb[k] : -1;
  row("peak RSS of the build, MB above the process", a, "%.1f", "");
  for (q = 0; q < N_QUERY; q++) {
    for (k = 0; k < g_nTok; k++) a[k] = g_bHave[k] ? (double)f->nHits[k][q] : -1;
    snprintf(zName, sizeof(zName), "hits of the %s query `%s`", aQuery[q].zKind, aQuery[q].zMatch);
    row(zName, a, "%.0f", "");
  }
  for (m = 0; m < N_MODE; m++) {
    for (k = 0; k < g_nTok; k++) a[k] = total_ms(f, k, m);
    snprintf(zName, sizeof(zName), "all %d queries, %s, ms", N_QUERY, aMode[m].zName);
    row(zName, a, "%.2f", m == 0 ? "<= 1.0x" : m == 1 ? "<= 0.5x" : "");
    if (m == 1) {
      /* what snippet() itself costs: the floor of the line above is the line
      ** before it, whatever an auxiliary function does */
      for (k = 0; k < g_nTok; k++) a[k] = !g_bHave[k] ? -1 : total_ms(f, k, 1) > total_ms(f, k, 0) ? total_ms(f, k, 1) - total_ms(f, k, 0) : 0;
      row("of which `snippet()` (the difference of the two lines above), ms", a, "%.2f", "");
    }
  }
  for (q = 0; q < N_FUNC; q++) {
    double mbs = f->aFunc[q][0] < 0 ? -1 : median(f->aFunc[q], g_nRuns);
    int isEntities = strcmp(aFunc[q].zName, "arabic_entities") == 0;
    snprintf(zName, sizeof(zName), "%s, MB/s", aFunc[q].zName);
    row1(zName, mbs, "%.1f", isEntities ? ">= 10 MB/s" : "");
    /* the measure: its time against a unicode61 index build of the same text, in this run */
    if (isEntities && mbs > 0 && strcmp(g_azTok[0], "unicode61") == 0 && med(f->aBuild[0], 0) > 0)
      row1("arabic_entities time / `unicode61` index build time", f->mb / mbs / med(f->aBuild[0], 0), "%.2f",
           "<= 3x");
  }
  printf("\nPer query, ms (`ORDER BY rank LIMIT 10` / with `snippet()`):\n\n| query |");
  for (k = 0; k < g_nTok; k++) printf(" `%s` |", g_azTok[k]);
  printf("\n|---|");
  for (k = 0; k < g_nTok; k++) printf("---:|");
  printf("\n");
  for (q = 0; q < N_QUERY; q++) {
    printf("| %s `%s` |", aQuery[q].zKind, aQuery[q].zMatch);
    for (k = 0; k < g_nTok; k++) pair(med(f->aQuery[k][0][q], k), med(f->aQuery[k][1][q], k), "%.2f");
    printf("\n");
  }
}

static void print_growth(const Figures *aF, int nSize) {
  int s, k, q;
  printf("\n### How cost grows with the size (medians; per-MB figures flat = linear; tokenizers in the order above)\n\n");
  printf("| MB | tokenizer MB/s | build s | build s per MB | index MB | RSS MB | all %d queries, rank + snippet, ms |",
         N_QUERY);
  for (q = 0; q < N_FUNC; q++) printf(" %s MB/s |", aFunc[q].zName);
  printf("\n|---:|---:|---:|---:|---:|---:|---:|");
  for (q = 0; q < N_FUNC; q++) printf("---:|");
  printf("\n");
  for (s = 0; s < nSize; s++) {
    const Figures *f = &aF[s];
    double t[MAX_TOK], b[MAX_TOK], bm[MAX_TOK], ix[MAX_TOK], rss[MAX_TOK], qs[MAX_TOK];
    for (k = 0; k < g_nTok; k++) {
      t[k] = med(f->aTokenize[k], k);
      b[k] = med(f->aBuild[k], k);
      bm[k] = b[k] < 0 ? -1 : b[k] / f->mb;
      ix[k] = g_bHave[k] ? f->indexMb[k] : -1;
      rss[k] = g_bHave[k] ? f->rssMb[k] : -1;
      qs[k] = total_ms(f, k, 1);
    }
    printf("| %.1f |", f->mb);
    list(t, "%.1f");
    list(b, "%.2f");
    list(bm, "%.3f");
    list(ix, "%.1f");
    list(rss, "%.1f");
    list(qs, "%.1f");
    for (q = 0; q < N_FUNC; q++) cell(f->aFunc[q][0] < 0 ? -1 : median(f->aFunc[q], g_nRuns), "%.1f");
    printf("\n");
  }
}

static void print_per_row(const double *aUs) {
  int q;
  printf("\n### Cost per row on %d one-word rows (medians)\n\n", N_SHORT_ROWS);
  printf("| query | us per row | / arabic_stem | goal |\n|---|---:|---:|---|\n");
  for (q = 0; q < N_PER_ROW; q++) {
    printf("| `%s` |", aPerRow[q].zName);
    cell(aUs[q], "%.2f");
    ratio(aUs[q], aUs[0]);
    printf(" %s |\n", q == 0 ? "" : "<= 3x");
  }
}

static void print_machine(const Corpus *c, const char *zCorpus) {
  char zLine[256], zCpu[256] = "unknown CPU";
  FILE *f = fopen("/proc/cpuinfo", "r");
  while (f && fgets(zLine, sizeof(zLine), f)) {
    if (strncmp(zLine, "model name", 10) == 0) {
      char *p = strchr(zLine, ':');
      if (p) snprintf(zCpu, sizeof(zCpu), "%s", p + 2);
      zCpu[strcspn(zCpu, "\n")] = 0;
      break;
    }
  }
  if (f) fclose(f);
  printf("## make bench\n\nCorpus: %s (%.1f MB, %d documents). Machine: %s, %ld cores online. "
         "SQLite %s. %d interleaved runs per figure.\n",
         zCorpus, (double)c->n / 1e6, c->nDoc, zCpu, sysconf(_SC_NPROCESSORS_ONLN), sqlite3_libversion(),
         g_nRuns);
}

int main(int argc, char **argv) {
  const char *zCorpus = argc > 1 ? argv[1] : DEFAULT_CORPUS;
  const char *zSizes = getenv("BENCH_SIZES") ? getenv("BENCH_SIZES") : "1 3 10 30";
  const char *zDir = getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp";
  static Figures aF[MAX_SIZES];
  double aSize[MAX_SIZES], aPerRowUs[N_PER_ROW];
  int nSize = 0, s;
  Corpus c;
  sqlite3 *db;
  fts5_api *api;
  void *pUser;
  fts5_tokenizer tok;
  char *zEnd;

  if (getenv("BENCH_RUNS")) g_nRuns = atoi(getenv("BENCH_RUNS"));
  if (g_nRuns < 1 || g_nRuns > MAX_RUNS) g_nRuns = 5;
  if (!read_corpus(zCorpus, &c)) {
    printf("bench: skipped: the corpus %s is not here (it lives in ../shared, beside the repository)\n",
           zCorpus);
    return 0;
  }
  for (zEnd = (char *)zSizes; nSize < MAX_SIZES;) {
    char *p;
    double v = strtod(zEnd, &p);
    if (p == zEnd) break;
    aSize[nSize++] = v;
    zEnd = p;
  }
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  if (sqlite3_open(":memory:", &db) != SQLITE_OK) die("open", db);
  api = get_fts5(db);
  if (!api) die("this SQLite has no FTS5", 0);
  {
    /* BENCH_TOKENIZERS: comma-separated tokenizer specs, the first the reference. */
    static char zList[1024];
    const char *zEnv = getenv("BENCH_TOKENIZERS");
    int k;
    if (zEnv) {
      char *p;
      snprintf(zList, sizeof(zList), "%s", zEnv);
      for (p = strtok(zList, ","); p && g_nTok < MAX_TOK; p = strtok(0, ",")) g_azTok[g_nTok++] = p;
    }
    if (g_nTok == 0) {
      for (k = 0; k < (int)(sizeof(azDefaultTok) / sizeof(azDefaultTok[0])); k++) g_azTok[g_nTok++] = azDefaultTok[k];
    }
    for (k = 0; k < g_nTok; k++) {
      char zBuf[256];
      const char *azArg[MAX_ARGS];
      int nArg = split_tokenizer(g_azTok[k], zBuf, sizeof(zBuf), azArg);
      g_bHave[k] = nArg > 0 && api->xFindTokenizer(api, azArg[0], &pUser, &tok) == SQLITE_OK;
      if (!g_bHave[k]) fprintf(stderr, "bench: this build has no tokenizer '%s': its column is n/a\n", g_azTok[k]);
    }
  }

  for (s = 0; s < nSize; s++) measure(&c, aSize[s], api, zDir, &aF[s]);
  per_row_costs(&c, aPerRowUs);
  print_machine(&c, zCorpus);
  print_main(&aF[nSize - 1]);
  print_growth(aF, nSize);
  print_per_row(aPerRowUs);
  sqlite3_close(db);
  free(c.z);
  free(c.aOff);
  free(c.aLen);
  return 0;
}
