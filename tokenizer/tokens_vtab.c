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
#include "../core/tokenize.h"

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
  sqlite3_vtab *p;
  int rc = sqlite3_declare_vtab(
      db, "CREATE TABLE x(token TEXT, start INT, length INT, position INT, colocated INT,"
          " text HIDDEN, options HIDDEN)");
  (void)pAux; (void)argc; (void)argv; (void)pzErr;
  if (rc != SQLITE_OK) return rc;
  p = sqlite3_malloc64(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  memset(p, 0, sizeof(*p));
  sqlite3_vtab_config(db, SQLITE_VTAB_INNOCUOUS);
  *ppVtab = p;
  return SQLITE_OK;
}

static int tokens_disconnect(sqlite3_vtab *p) {
  sqlite3_free(p);
  return SQLITE_OK;
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

/* Characters in zIn[from..to), counted as SQLite's substr() counts them:
** a lead byte takes the continuation bytes after it. */
static int sqlite_chars(const unsigned char *z, int from, int to) {
  int n = 0;
  while (from < to) {
    if (z[from++] >= 0xC0) {
      while (from < to && (z[from] & 0xC0) == 0x80) from++;
    }
    n++;
  }
  return n;
}

static int collect_token(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  TokensCursor *c = pCtx;
  TokenRow *r;
  if (c->nRow == c->nRowAlloc) {
    int n = c->nRowAlloc ? c->nRowAlloc * 2 : 32;
    TokenRow *a = sqlite3_realloc64(c->aRow, (sqlite3_uint64)n * sizeof(TokenRow));
    if (!a) return SQLITE_NOMEM;
    c->aRow = a;
    c->nRowAlloc = n;
  }
  if (c->nBuf + nToken > c->nBufAlloc) {
    int n = (c->nBufAlloc ? c->nBufAlloc * 2 : 256) + nToken;
    char *z = sqlite3_realloc64(c->zBuf, (sqlite3_uint64)n);
    if (!z) return SQLITE_NOMEM;
    c->zBuf = z;
    c->nBufAlloc = n;
  }
  /* Tokens come in text order: advance the character index incrementally. */
  c->iChar += sqlite_chars(c->zIn, c->iByte, iStart);
  c->iByte = iStart;
  if (!(tflags & AR_TOKEN_COLOCATED) && c->nRow > 0) c->position++;
  r = &c->aRow[c->nRow++];
  r->iText = c->nBuf;
  r->nText = nToken;
  r->start = c->iChar + 1;
  r->length = sqlite_chars(c->zIn, iStart, iEnd);
  r->position = c->position;
  r->colocated = (tflags & AR_TOKEN_COLOCATED) ? 1 : 0;
  memcpy(c->zBuf + c->nBuf, pToken, (size_t)nToken);
  c->nBuf += nToken;
  return SQLITE_OK;
}

static int tokens_filter(sqlite3_vtab_cursor *cur, int idxNum, const char *idxStr, int argc,
                         sqlite3_value **argv) {
  TokensCursor *c = (TokensCursor *)cur;
  ArTokenizer *t;
  ArOptions opts;
  const char *zText;
  int nText, rc;
  (void)idxStr;
  tokens_reset(c);
  if (idxNum == 0) {
    sqlite3_free(cur->pVtab->zErrMsg);
    cur->pVtab->zErrMsg = sqlite3_mprintf("arabic_tokens: the text argument is required");
    return SQLITE_ERROR;
  }
  if (sqlite3_value_type(argv[0]) == SQLITE_NULL) return SQLITE_OK;
  if (idxNum == 2 && sqlite3_value_type(argv[1]) == SQLITE_NULL) return SQLITE_OK;
  ar_options_default(&opts);
  if (idxNum == 2) {
    char zErr[AR_ERRMSG_SIZE];
    const char *zOpt = (const char *)sqlite3_value_text(argv[1]);
    if (!zOpt) return SQLITE_NOMEM;
    if (memchr(zOpt, 0, (size_t)sqlite3_value_bytes(argv[1]))) {
      sqlite3_free(cur->pVtab->zErrMsg);
      cur->pVtab->zErrMsg = sqlite3_mprintf("arabic_tokens: the options hold a NUL character");
      return SQLITE_ERROR;
    }
    if (ar_options_parse(&opts, AR_SCOPE_TOKENIZER, zOpt, zErr)) {
      sqlite3_free(cur->pVtab->zErrMsg);
      cur->pVtab->zErrMsg = sqlite3_mprintf("arabic_tokens: %s", zErr);
      return SQLITE_ERROR;
    }
  }
  zText = (const char *)sqlite3_value_text(argv[0]);
  if (!zText) return SQLITE_NOMEM;
  nText = sqlite3_value_bytes(argv[0]);
  t = sqlite3_malloc64(sizeof(*t));
  if (!t) return SQLITE_NOMEM;
  ar_tokenizer_init(t, &opts);
  c->zIn = (const unsigned char *)zText;
  c->iByte = c->iChar = c->position = 0;
  rc = ar_tokenize(t, c, AR_TOKENIZE_DOCUMENT, zText, nText, collect_token);
  sqlite3_free(t);
  return rc;
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
