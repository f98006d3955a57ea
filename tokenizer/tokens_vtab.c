/*
** arabic_tokens(text [, options]): what the 'arabic' tokenizer emits for a
** document, as a table.
**
**   SELECT token, start, length, position, colocated
**   FROM arabic_tokens('وبوتين يلتقي');
**   -- وبوتين|1|6|0|0
**   -- بوتين|1|6|0|1
**   -- يلتقي|8|5|1|0
**
** start/length are 1-based characters, so substr(text, start, length) is
** the word as written; position is FTS5's token position; colocated is 1
** for a token indexed at the same position as the one before it. options
** are the tokenizer's ('stem 0 alef 0'); a bad option is an error that
** names it, which is how to debug a CREATE VIRTUAL TABLE that fails with
** "error in tokenizer constructor".
*/
#include <string.h>

#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/alloc.h"
#include "../core/tokenize.h"
#include "../core/utf8.h"

#define COL_TOKEN     0
#define COL_START     1
#define COL_LENGTH    2
#define COL_POSITION  3
#define COL_COLOCATED 4
#define COL_TEXT      5
#define COL_OPTIONS   6

typedef struct TokenRow {
  int iText;     /* offset of the token text in the cursor's buffer */
  int nText;
  int start;     /* 1-based character */
  int length;    /* characters */
  int position;
  int colocated;
} TokenRow;

/* The analyzers of the last option strings this connection asked for, so
** that a join over a table builds each fold table once, not once per row. */
#define N_CACHED 4
typedef struct CachedAnalyzer {
  char *zOpts;     /* sqlite3_malloc'd; NULL: empty slot */
  ArTokenizer *t;
} CachedAnalyzer;

typedef struct TokensVtab {
  sqlite3_vtab base;
  CachedAnalyzer aCache[N_CACHED]; /* most recently used first */
} TokensVtab;

typedef struct TokensCursor {
  sqlite3_vtab_cursor base;
  TokenRow *aRow;
  int nRow, nRowAlloc;
  char *zBuf; /* every token's text, back to back */
  int nBuf, nBufAlloc;
  int iRow;
  /* While tokenizing: the input and the character index of a byte offset. */
  const unsigned char *zIn;
  int iByte, iChar, position;
} TokensCursor;

static int tokens_connect(sqlite3 *db, void *pAux, int argc, const char *const *argv,
                          sqlite3_vtab **ppVtab, char **pzErr) {
  TokensVtab *p;
  int rc = sqlite3_declare_vtab(
      db, "CREATE TABLE x(token TEXT, start INT, length INT, position INT, colocated INT,"
          " text HIDDEN, options HIDDEN)");
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  if (rc != SQLITE_OK) return rc;
  p = sqlite3_malloc64(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = &p->base;
  return SQLITE_OK;
}

static int tokens_disconnect(sqlite3_vtab *pVtab) {
  TokensVtab *p = (TokensVtab *)pVtab;
  int i;
  for (i = 0; i < N_CACHED; i++) {
    sqlite3_free(p->aCache[i].zOpts);
    sqlite3_free(p->aCache[i].t);
  }
  sqlite3_free(p);
  return SQLITE_OK;
}

/* The analyzer of option text zOpts (n bytes), from the cache or built and
** put first in it; NULL with an error in the vtab (a bad option, out of memory). */
static const ArTokenizer *analyzer_for(TokensVtab *p, const char *zOpts, int n, int *pRc) {
  CachedAnalyzer hit;
  char zErr[AR_ERRMSG_SIZE];
  int i;
  for (i = 0; i < N_CACHED && p->aCache[i].zOpts; i++) {
    if ((int)strlen(p->aCache[i].zOpts) == n && memcmp(p->aCache[i].zOpts, zOpts, (size_t)n) == 0) break;
  }
  if (i < N_CACHED && p->aCache[i].zOpts) {
    hit = p->aCache[i];
  } else {
    hit.t = sqlite3_malloc64(sizeof(*hit.t));
    hit.zOpts = hit.t ? sqlite3_malloc64((sqlite3_uint64)n + 1) : 0;
    if (!hit.zOpts) {
      sqlite3_free(hit.t);
      *pRc = SQLITE_NOMEM;
      return 0;
    }
    if (ar_analyzer_parse(hit.t, AR_SCOPE_TOKENIZER, zOpts, n, zErr)) {
      sqlite3_free(hit.t);
      sqlite3_free(hit.zOpts);
      sqlite3_free(p->base.zErrMsg);
      p->base.zErrMsg = sqlite3_mprintf("arabic_tokens: %s", zErr);
      *pRc = SQLITE_ERROR;
      return 0;
    }
    memcpy(hit.zOpts, zOpts, (size_t)n + 1);
    i = N_CACHED - 1; /* the least recently used goes */
    sqlite3_free(p->aCache[i].zOpts);
    sqlite3_free(p->aCache[i].t);
  }
  memmove(&p->aCache[1], &p->aCache[0], sizeof(CachedAnalyzer) * (size_t)i);
  p->aCache[0] = hit;
  return hit.t;
}

static int tokens_open(sqlite3_vtab *p, sqlite3_vtab_cursor **ppCur) {
  TokensCursor *c = sqlite3_malloc64(sizeof(*c));
  (void)p;
  if (!c) return SQLITE_NOMEM;
  memset(c, 0, sizeof(*c));
  *ppCur = &c->base;
  return SQLITE_OK;
}

static void tokens_reset(TokensCursor *c) {
  sqlite3_free(c->aRow);
  sqlite3_free(c->zBuf);
  c->aRow = 0;
  c->zBuf = 0;
  c->nRow = c->nRowAlloc = c->nBuf = c->nBufAlloc = c->iRow = 0;
}

static int tokens_close(sqlite3_vtab_cursor *cur) {
  tokens_reset((TokensCursor *)cur);
  sqlite3_free(cur);
  return SQLITE_OK;
}

static int collect_token(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  TokensCursor *c = pCtx;
  TokenRow *r;
  if (ar_grow((void **)&c->aRow, &c->nRowAlloc, c->nRow + 1, sizeof(TokenRow)) != AR_OK ||
      ar_grow((void **)&c->zBuf, &c->nBufAlloc, c->nBuf + nToken, 1) != AR_OK)
    return SQLITE_NOMEM;
  /* Tokens come in text order: advance the character index incrementally. */
  c->iChar += ar_sqlite_chars(c->zIn, c->iByte, iStart);
  c->iByte = iStart;
  if (!(tflags & AR_TOKEN_COLOCATED) && c->nRow > 0) c->position++;
  r = &c->aRow[c->nRow++];
  r->iText = c->nBuf;
  r->nText = nToken;
  r->start = c->iChar + 1;
  r->length = ar_sqlite_chars(c->zIn, iStart, iEnd);
  r->position = c->position;
  r->colocated = (tflags & AR_TOKEN_COLOCATED) ? 1 : 0;
  memcpy(c->zBuf + c->nBuf, pToken, (size_t)nToken);
  c->nBuf += nToken;
  return SQLITE_OK;
}

static int tokens_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc,
                         sqlite3_value **argv) {
  TokensCursor *c = (TokensCursor *)cur;
  const ArTokenizer *t = ar_default_analyzer();
  const char *zText;
  int rc = SQLITE_OK;
  (void)idxStr;
  tokens_reset(c);
  if (idxNum == 0) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = sqlite3_mprintf("arabic_tokens: the text argument is required");
    return SQLITE_ERROR;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  if (idxNum == 2) {
    const char *zOpt;
    if (sqlite3_value_type(argv[1]) == SQLITE_NULL) return SQLITE_OK;
    if (!(zOpt = (const char *)sqlite3_value_text(argv[1]))) return SQLITE_NOMEM;
    t = analyzer_for((TokensVtab *)cur->pVtab, zOpt, sqlite3_value_bytes(argv[1]), &rc);
    if (!t) return rc;
  }
  zText = (const char *)sqlite3_value_text(argv[0]);
  if (!zText) return SQLITE_NOMEM;
  c->zIn = (const unsigned char *)zText;
  c->iByte = c->iChar = c->position = 0;
  return ar_tokenize(t, c, AR_TOKENIZE_DOCUMENT, zText, sqlite3_value_bytes(argv[0]), collect_token);
}

static int tokens_next(sqlite3_vtab_cursor *cur) {
  ((TokensCursor *)cur)->iRow++;
  return SQLITE_OK;
}

static int tokens_eof(sqlite3_vtab_cursor *cur) {
  TokensCursor *c = (TokensCursor *)cur;
  return c->iRow >= c->nRow;
}

static int tokens_column(sqlite3_vtab_cursor *cur, sqlite3_context *ctx, int i) {
  TokensCursor *c = (TokensCursor *)cur;
  const TokenRow *r = &c->aRow[c->iRow];
  switch (i) {
    case COL_TOKEN: sqlite3_result_text(ctx, c->zBuf + r->iText, r->nText, SQLITE_TRANSIENT); break;
    case COL_START: sqlite3_result_int(ctx, r->start); break;
    case COL_LENGTH: sqlite3_result_int(ctx, r->length); break;
    case COL_POSITION: sqlite3_result_int(ctx, r->position); break;
    case COL_COLOCATED: sqlite3_result_int(ctx, r->colocated); break;
    default: break; /* hidden arguments read back as NULL */
  }
  return SQLITE_OK;
}

static int tokens_rowid(sqlite3_vtab_cursor *cur, sqlite_int64 *pRowid) {
  *pRowid = ((TokensCursor *)cur)->iRow + 1;
  return SQLITE_OK;
}

/* text is required; options optional. idxNum = number of arguments. */
static int tokens_best_index(sqlite3_vtab *tab, sqlite3_index_info *info) {
  int iText = -1, iOpt = -1, i;
  for (i = 0; i < info->nConstraint; i++) {
    const struct sqlite3_index_constraint *k = &info->aConstraint[i];
    if (k->op != SQLITE_INDEX_CONSTRAINT_EQ) continue;
    if (!k->usable) {
      if (k->iColumn == COL_TEXT || k->iColumn == COL_OPTIONS) return SQLITE_CONSTRAINT;
      continue;
    }
    if (k->iColumn == COL_TEXT) iText = i;
    if (k->iColumn == COL_OPTIONS) iOpt = i;
  }
  if (iText < 0) {
    /* Not an error here: SQLite also asks about plans for single OR terms.
       The cost steers it away; a plan without the text fails in xFilter. */
    info->idxNum = 0;
    info->estimatedCost = 1e300;
    return SQLITE_OK;
  }
  info->aConstraintUsage[iText].argvIndex = 1;
  info->aConstraintUsage[iText].omit = 1;
  info->idxNum = 1;
  if (iOpt >= 0) {
    info->aConstraintUsage[iOpt].argvIndex = 2;
    info->aConstraintUsage[iOpt].omit = 1;
    info->idxNum = 2;
  }
  info->estimatedCost = 100;
  info->estimatedRows = 100;
  return SQLITE_OK;
}

static sqlite3_module tokens_module = {
    0,                 /* iVersion */
    0,                 /* xCreate: eponymous only */
    tokens_connect,    tokens_best_index, tokens_disconnect, 0, tokens_open, tokens_close,
    tokens_filter,     tokens_next,       tokens_eof,        tokens_column, tokens_rowid,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
};

int arabic_register_tokens(sqlite3 *db) {
  return sqlite3_create_module(db, "arabic_tokens", &tokens_module, 0);
}
