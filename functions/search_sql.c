/*
** The tokenizer's query side as SQL functions.
**
**   arabic_stem(text [, options])   -- the search form of each word, space separated:
**                                      what a MATCH on that word looks up
**   arabic_query(text [, options])  -- free text from a search box -> a MATCH expression
**
** arabic_query keeps the FTS5 syntax a user types and quotes everything
** else, so its result is never a syntax error: each word or "quoted phrase"
** becomes a quoted FTS5 string (quotes doubled), word* and "phrase"* stay
** prefixes, AND, OR, NOT (upper case, as FTS5 spells them), parentheses,
** NEAR(a b, N) and a column filter name:word (an ASCII name right before
** its operand, as in title:بوتين or body:(a OR b)) are kept, -word excludes a word from its group, and words
** that hold no letter or digit are dropped. What FTS5 would reject is
** repaired: an operator with nothing on one side is dropped (a leading NOT
** excludes what follows it, as -word does), an empty group is dropped, an
** unbalanced parenthesis is closed or dropped, parentheses deeper than 16
** are ignored, implicit AND next to a group becomes AND. With no word left
** the result is "" (matches nothing). A column filter naming a column the
** table does not have makes MATCH fail with FTS5's "no such column".
** Options: any 1 (words without an operator between them are joined by
** OR), prefix 1 (the last word is a prefix, for search as you type).
** More than AR_QUERY_MAX_WORDS words (a phrase counts its words) is an
** error: FTS5 reads a list of rows per word, so a pasted article would
** make a query of minutes.
**
**   SELECT arabic_query('بوتين "وقف إطلاق النار" كورس*');
**   -- "بوتين" "وقف إطلاق النار" "كورس"*
**   SELECT arabic_query('NOT ترامب بوتين AND');
**   -- "بوتين" NOT "ترامب"
*/
#include <string.h>

#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/utf8.h"
#include "../core/tokenize.h"

/* A growing output string on SQLite's allocator. */
typedef struct Out {
  char *z;
  sqlite3_int64 n, nAlloc;
  int oom;
} Out;

static void out_append(Out *o, const char *z, sqlite3_int64 n) {
  if (o->oom) return;
  if (o->n + n + 1 > o->nAlloc) {
    sqlite3_int64 nNew = (o->nAlloc ? o->nAlloc * 2 : 128) + n;
    char *zNew = sqlite3_realloc64(o->z, (sqlite3_uint64)nNew);
    if (!zNew) {
      o->oom = 1;
      return;
    }
    o->z = zNew;
    o->nAlloc = nNew;
  }
  memcpy(o->z + o->n, z, (size_t)n);
  o->n += n;
  o->z[o->n] = 0;
}

static void out_result(sqlite3_context *ctx, Out *o) {
  if (o->oom) {
    sqlite3_free(o->z);
    sqlite3_result_error_nomem(ctx);
  } else {
    sqlite3_result_text64(ctx, o->z ? o->z : "", (sqlite3_uint64)o->n, o->z ? sqlite3_free : SQLITE_STATIC,
                          SQLITE_UTF8);
  }
}

/* Words are separated by a space, the forms one word looks up (ORed) by '/'. */
static int append_stem(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  Out *o = pCtx;
  (void)iStart; (void)iEnd;
  if (o->n) out_append(o, (tflags & AR_TOKEN_COLOCATED) ? "/" : " ", 1);
  out_append(o, pToken, nToken);
  return o->oom ? SQLITE_NOMEM : SQLITE_OK;
}

static void stem_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const ArTokenizer *t;
  Out o = {0, 0, 0, 0};
  const char *z;
  int n;
  if (ar_any_null(argc, argv)) return;
  t = ar_arg_analyzer(ctx, "arabic_stem", argc, argv, 1, AR_SCOPE_STEM);
  if (!t || !(z = ar_arg_text(ctx, argv[0], &n))) return;
  if (ar_tokenize(t, &o, AR_TOKENIZE_QUERY, z, n, append_stem)) o.oom = 1;
  out_result(ctx, &o);
}

static int count_token(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  (void)tflags; (void)pToken; (void)nToken; (void)iStart; (void)iEnd;
  ++*(int *)pCtx;
  return 0;
}

#define AR_QUERY_MAX_WORDS 256

/* The number of words of z[0..n) for the tokenizer. */
static int count_words(const ArTokenizer *t, const char *z, int n) {
  int count = 0;
  ar_tokenize(t, &count, AR_TOKENIZE_QUERY, z, n, count_token);
  return count;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Append z[0..n) as a quoted FTS5 string, doubling quotes (a phrase the
** user quoted, bPhrase, already has its quotes doubled). A NUL byte would
** end the MATCH expression early (an unterminated string) and malformed
** UTF-8 would make the result invalid text: both are written as U+FFFD,
** which the tokenizer reads as a separator, as it reads them. */
static void append_quoted(Out *o, const char *z, int n, int bPhrase) {
  int i = 0;
  out_append(o, "\"", 1);
  while (i < n) {
    int start = i;
    uint32_t c = ar_utf8_decode((const unsigned char *)z, n, &i);
    if (c == '"') {
      out_append(o, "\"\"", 2);
      if (bPhrase && i < n && z[i] == '"') i++;
    } else if (c == 0 || (c == AR_REPLACEMENT_CHAR && i - start == 1)) {
      out_append(o, "\xEF\xBF\xBD", 3);
    } else {
      out_append(o, z + start, i - start);
    }
  }
  out_append(o, "\"", 1);
}

/*
** arabic_query's parser. It reads the input once, left to right, and writes
** the expression as it goes; what cannot be written yet is fixed up when it
** is known: an operator is written only when an operand follows it (so a
** dangling one disappears), a group only when it holds an operand (an empty
** one is cut out again), and an excluded operand (-word, or NOT with nothing
** before it) is kept aside and written as "NOT operand" after the rest of its
** group, because FTS5 has no unary NOT.
*/
#define QUERY_MAX_DEPTH 16 /* deeper parentheses are ignored: FTS5's parser stack holds about 30 */
#define QUERY_MAX_NEAR  9  /* digits of a NEAR distance */

enum { OP_NONE, OP_AND, OP_OR, OP_NOT };

typedef struct QueryGroup {
  sqlite3_int64 iPre;     /* output length before this group's joint: an empty group is cut back to it */
  sqlite3_int64 iContent; /* where its content starts, after the '(' */
  sqlite3_int64 iCapture; /* >= 0: an excluded operand is being written from here */
  int nOperand;           /* operands written so far (excluded ones not counted) */
  int bLastSimple;        /* the last operand is a phrase or NEAR: an implicit AND may follow it */
  int bOperator;          /* an explicit operator joins operands at this level */
  int pendingOp;          /* OP_*: the operator the next operand is joined with */
  int bExclude;           /* the next operand is excluded (-word) */
  int nDeepest;           /* nesting level of the deepest parentheses written in it, its own included */
  Out excluded;           /* " NOT x" for each excluded operand, written when the group closes */
} QueryGroup;

typedef struct Query {
  const ArTokenizer *t;
  const ArOptions *opts;
  Out o;
  QueryGroup aGroup[QUERY_MAX_DEPTH + 1]; /* aGroup[0] is the whole query */
  QueryGroup aSaved[QUERY_MAX_DEPTH + 1]; /* aSaved[d]: aGroup[d - 1] before group d opened */
  int nDepth;                             /* index of the open group */
  int nIgnored;                           /* '(' past QUERY_MAX_DEPTH not yet closed */
  const char *zCol;                       /* a column filter "name:" waiting for its operand */
  int nCol;
  sqlite3_int64 iLastPlain;               /* output length just after the last plain word */
  int nWords;                             /* words read so far */
} Query;

/* Does z[0..n) hold a word? Counted against AR_QUERY_MAX_WORDS. */
static int has_word(Query *q, const char *z, int n) {
  int k = count_words(q->t, z, n);
  q->nWords += k;
  return k > 0;
}

static int is_keyword(const char *z, int n, const char *zKey) {
  return n == (int)strlen(zKey) && memcmp(z, zKey, (size_t)n) == 0;
}

/* Start writing an operand into the open group: the joint, or the start of
** a capture when it is excluded, then the column filter. Returns 1 when
** the operand is excluded. */
static int operand_begin(Query *q, int bSimple) {
  QueryGroup *g = &q->aGroup[q->nDepth];
  int bCapture = g->bExclude || (g->nOperand == 0 && g->pendingOp == OP_NOT);
  if (bCapture) {
    g->iCapture = q->o.n;
  } else if (g->nOperand > 0) {
    int op = g->pendingOp;
    if (op == OP_NONE && (q->opts->any || !g->bLastSimple || !bSimple)) op = q->opts->any ? OP_OR : OP_AND;
    if (op == OP_NONE) {
      out_append(&q->o, " ", 1); /* implicit AND: FTS5 allows it between phrases only */
    } else {
      out_append(&q->o, op == OP_AND ? " AND " : op == OP_OR ? " OR " : " NOT ", op == OP_OR ? 4 : 5);
      g->bOperator = 1;
    }
  }
  if (q->zCol) {
    /* an operator's name would be read as the operator: quoted */
    int bKeyword = is_keyword(q->zCol, q->nCol, "AND") || is_keyword(q->zCol, q->nCol, "OR") ||
                   is_keyword(q->zCol, q->nCol, "NOT") || is_keyword(q->zCol, q->nCol, "NEAR");
    if (bKeyword) out_append(&q->o, "\"", 1);
    out_append(&q->o, q->zCol, q->nCol);
    out_append(&q->o, bKeyword ? "\":" : ":", bKeyword ? 2 : 1);
    q->zCol = 0;
  }
  return bCapture;
}

/* The operand started by operand_begin() is complete. */
static void operand_end(Query *q, int bSimple) {
  QueryGroup *g = &q->aGroup[q->nDepth];
  if (g->iCapture >= 0) {
    out_append(&g->excluded, " NOT ", 5);
    if (!q->o.oom) out_append(&g->excluded, q->o.z + g->iCapture, q->o.n - g->iCapture);
    if (g->excluded.oom) q->o.oom = 1;
    if (q->o.z) q->o.z[q->o.n = g->iCapture] = 0;
    g->iCapture = -1;
  } else {
    g->nOperand++;
    g->bLastSimple = bSimple;
  }
  g->pendingOp = OP_NONE;
  g->bExclude = 0;
}

/* A new operator between operands: NOT wins (AND NOT is NOT), otherwise the
** last one typed. With no operand before it, AND and OR mean nothing. */
static void set_operator(Query *q, int op) {
  QueryGroup *g = &q->aGroup[q->nDepth];
  q->zCol = 0;
  if (g->pendingOp != OP_NOT) g->pendingOp = op;
  if (g->nOperand == 0 && op != OP_NOT) g->pendingOp = OP_NONE;
}

/* Insert z[0..n) at offset i of o. */
static void out_insert(Out *o, sqlite3_int64 i, const char *z, sqlite3_int64 n) {
  sqlite3_int64 nOld = o->n;
  out_append(o, z, n); /* grow; the bytes are moved into place below */
  if (o->oom) return;
  memmove(o->z + i + n, o->z + i, (size_t)(nOld - i));
  memcpy(o->z + i, z, (size_t)n);
}

/* Write the excluded operands of the open group after its content. */
static void write_excluded(Query *q) {
  QueryGroup *g = &q->aGroup[q->nDepth];
  if (g->excluded.oom) q->o.oom = 1;
  if (g->nOperand > 0 && g->excluded.n > 0) {
    /* X NOT y reads as (X) NOT y only when X has no explicit operator;
    ** parentheses around X nest what it holds one level deeper, which
    ** QUERY_MAX_DEPTH may not allow: then X NOT y it is */
    if (g->bOperator && g->nDeepest < QUERY_MAX_DEPTH) {
      out_insert(&q->o, g->iContent, "(", 1);
      out_append(&q->o, ")", 1);
      g->nDeepest++;
    }
    out_append(&q->o, g->excluded.z, g->excluded.n);
  }
  sqlite3_free(g->excluded.z);
  memset(&g->excluded, 0, sizeof(g->excluded));
}

static void group_open(Query *q) {
  QueryGroup *g;
  sqlite3_int64 iPre = q->o.n;
  if (q->nDepth >= QUERY_MAX_DEPTH) {
    q->nIgnored++;
    return;
  }
  q->aSaved[q->nDepth + 1] = q->aGroup[q->nDepth];
  operand_begin(q, 0);
  out_append(&q->o, "(", 1);
  g = &q->aGroup[++q->nDepth];
  memset(g, 0, sizeof(*g));
  g->iPre = iPre;
  g->iContent = q->o.n;
  g->iCapture = -1;
  g->nDeepest = q->nDepth;
}

static void group_close(Query *q) {
  QueryGroup *g = &q->aGroup[q->nDepth];
  q->zCol = 0;
  if (q->nIgnored > 0) {
    q->nIgnored--;
    return;
  }
  if (q->nDepth == 0) return; /* a ')' without its '(' */
  if (g->nOperand == 0) {
    /* nothing inside: cut the group out with its joint and operator;
    ** what it excluded is excluded from the enclosing group ("a (NOT b)"),
    ** unless the group itself was excluded */
    Out excluded = g->excluded;
    int bCaptured = q->aGroup[q->nDepth - 1].iCapture >= 0, nDeepest = g->nDeepest;
    if (q->o.z) q->o.z[q->o.n = g->iPre] = 0;
    q->nDepth--;
    g = &q->aGroup[q->nDepth];
    *g = q->aSaved[q->nDepth + 1];
    g->pendingOp = OP_NONE; /* an operator whose operand was empty goes with it */
    g->bExclude = 0;
    if (!bCaptured && excluded.n > 0) {
      out_append(&g->excluded, excluded.z, excluded.n);
      if (nDeepest > g->nDeepest) g->nDeepest = nDeepest;
    }
    if (excluded.oom) g->excluded.oom = 1;
    sqlite3_free(excluded.z);
    return;
  }
  write_excluded(q);
  out_append(&q->o, ")", 1);
  q->nDepth--;
  if (g->nDeepest > q->aGroup[q->nDepth].nDeepest) q->aGroup[q->nDepth].nDeepest = g->nDeepest;
  operand_end(q, 0);
}

/* A word or "phrase" (z[0..n)), a prefix when bStar. */
static void add_phrase(Query *q, const char *z, int n, int bStar, int bQuoted) {
  int bExcluded;
  if (!has_word(q, z, n)) return;
  bExcluded = operand_begin(q, 1);
  append_quoted(&q->o, z, n, bQuoted);
  if (bStar) out_append(&q->o, "*", 1);
  operand_end(q, 1);
  q->iLastPlain = !bQuoted && !bStar && !bExcluded ? q->o.n : -1;
}

/* Read a phrase from z[i]: a "quoted phrase" or a word up to a space, quote
** or parenthesis (or comma, inside NEAR). Sets the span, whether it ends in *
** and whether it was quoted; returns the index after it. */
static int read_phrase(const char *z, int n, int i, int bNear, int *piStart, int *piEnd, int *pbStar,
                       int *pbQuoted) {
  *pbStar = 0;
  *pbQuoted = z[i] == '"';
  if (*pbQuoted) {
    *piStart = ++i;
    while (i < n && (z[i] != '"' || (i + 1 < n && z[i + 1] == '"'))) i += z[i] == '"' ? 2 : 1;
    *piEnd = i;
    if (i < n) i++;
    if (i < n && z[i] == '*') {
      *pbStar = 1;
      i++;
    }
    return i;
  }
  *piStart = i;
  while (i < n && !is_space(z[i]) && z[i] != '"' && z[i] != '(' && z[i] != ')' && !(bNear && z[i] == ',')) i++;
  *piEnd = i;
  while (*piEnd > *piStart && z[*piEnd - 1] == '*') {
    *pbStar = 1;
    (*piEnd)--;
  }
  return i;
}

/* NEAR(phrase phrase ... [, N]) from z[i], just after the '('; returns the
** index after the ')'. Operators inside are dropped; with no phrase the
** group is dropped. */
static int read_near(Query *q, const char *z, int n, int i) {
  Out near = {0, 0, 0, 0};
  int nPhrase = 0, iDist = -1, nDist = 0;
  while (i < n && z[i] != ')') {
    int start, end, star, quoted;
    if (is_space(z[i])) {
      i++;
    } else if (z[i] == ',' || z[i] == '(') {
      if (z[i++] == ',') {
        while (i < n && is_space(z[i])) i++;
        for (iDist = i; i < n && z[i] >= '0' && z[i] <= '9'; i++) {}
        nDist = i - iDist;
      }
    } else {
      i = read_phrase(z, n, i, 1, &start, &end, &star, &quoted);
      if (!quoted && (is_keyword(z + start, end - start, "AND") || is_keyword(z + start, end - start, "OR") ||
                      is_keyword(z + start, end - start, "NOT")))
        continue;
      if (!has_word(q, z + start, end - start)) continue;
      if (nPhrase++) out_append(&near, " ", 1);
      else out_append(&near, "NEAR(", 5);
      append_quoted(&near, z + start, end - start, quoted);
      if (star) out_append(&near, "*", 1);
    }
  }
  if (i < n) i++; /* the ')' */
  if (nPhrase > 0) {
    if (nDist > 0) {
      while (nDist > 1 && z[iDist] == '0') iDist++, nDist--;
      out_append(&near, ", ", 2);
      if (nDist > QUERY_MAX_NEAR) out_append(&near, "999999999", QUERY_MAX_NEAR);
      else out_append(&near, z + iDist, nDist);
    }
    out_append(&near, ")", 1);
    operand_begin(q, 1);
    if (near.oom) q->o.oom = 1;
    else out_append(&q->o, near.z, near.n);
    operand_end(q, 1);
    q->iLastPlain = -1;
  }
  sqlite3_free(near.z);
  return i;
}

static int is_name_char(char c, int bFirst) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_' || (!bFirst && c >= '0' && c <= '9');
}

/* A column filter at z[i]: an ASCII identifier, bare or in double quotes,
** followed by ':' and an operand. Returns the length of the filter up to
** the ':' and sets the name, or returns 0. */
static int column_filter(const char *z, int n, int i, const char **pzName, int *pnName) {
  int bQuoted = i < n && z[i] == '"', k = i + bQuoted;
  if (k >= n || !is_name_char(z[k], 1)) return 0;
  while (k < n && is_name_char(z[k], 0)) k++;
  if (bQuoted && (k >= n || z[k++] != '"')) return 0;
  if (k + 1 >= n || z[k] != ':' || is_space(z[k + 1]) || z[k + 1] == ')') return 0;
  *pzName = z + i + bQuoted;
  *pnName = k - i - 2 * bQuoted;
  return k - i;
}

static void query_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const ArTokenizer *tQuery;
  const char *z;
  int n, i = 0;
  Query q;
  memset(&q, 0, sizeof(q));
  if (ar_any_null(argc, argv)) return;
  if (!(tQuery = ar_arg_analyzer(ctx, "arabic_query", argc, argv, 1, AR_SCOPE_QUERY))) return;
  if (!(z = ar_arg_text(ctx, argv[0], &n))) return;
  q.opts = &tQuery->opts;
  q.t = ar_default_analyzer();
  q.aGroup[0].iCapture = -1;
  q.iLastPlain = -1;
  while (i < n) {
    int start, end, star, quoted, nCol;
    char c = z[i];
    if (is_space(c)) {
      i++;
      continue;
    }
    if (c == '(' || c == ')') {
      if (c == '(') group_open(&q);
      else group_close(&q);
      i++;
      continue;
    }
    if (c == '-' && i + 1 < n && !is_space(z[i + 1])) {
      q.aGroup[q.nDepth].bExclude = 1;
      i++;
      continue;
    }
    if ((nCol = column_filter(z, n, i, &q.zCol, &q.nCol)) > 0) {
      i += nCol + 1;
      continue;
    }
    if (n - i >= 5 && memcmp(z + i, "NEAR(", 5) == 0) {
      i = read_near(&q, z, n, i + 5);
      continue;
    }
    i = read_phrase(z, n, i, 0, &start, &end, &star, &quoted);
    if (!quoted && !star && is_keyword(z + start, end - start, "AND")) set_operator(&q, OP_AND);
    else if (!quoted && !star && is_keyword(z + start, end - start, "OR")) set_operator(&q, OP_OR);
    else if (!quoted && !star && is_keyword(z + start, end - start, "NOT")) set_operator(&q, OP_NOT);
    else add_phrase(&q, z + start, end - start, star, quoted);
    if (q.nWords > AR_QUERY_MAX_WORDS) break;
  }

  /* search as you type: the last word, if nothing follows it, is a prefix */
  if (q.opts->prefix && q.iLastPlain >= 0 && q.iLastPlain == q.o.n) out_append(&q.o, "*", 1);
  q.nIgnored = 0;
  while (q.nDepth > 0) group_close(&q);
  write_excluded(&q);
  /* No operand at all: an empty phrase, which matches nothing and is valid. */
  if (q.aGroup[0].nOperand == 0) {
    if (q.o.z) q.o.z[q.o.n = 0] = 0;
    out_append(&q.o, "\"\"", 2);
  }
  if (q.nWords > AR_QUERY_MAX_WORDS) {
    sqlite3_free(q.o.z);
    ar_result_error_free(ctx, sqlite3_mprintf("arabic_query: more than %d words: shorten the query", AR_QUERY_MAX_WORDS));
    return;
  }
  out_result(ctx, &q.o);
}

int arabic_register_search(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "arabic_stem", 1, ARABIC_FUNC_FLAGS, 0, stem_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_stem", 2, ARABIC_FUNC_FLAGS, 0, stem_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_query", 1, ARABIC_FUNC_FLAGS, 0, query_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_query", 2, ARABIC_FUNC_FLAGS, 0, query_func, 0, 0);
  return rc;
}
