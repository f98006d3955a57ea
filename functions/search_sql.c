/*
** The tokenizer's query side as SQL functions.
**
**   arabic_stem(text [, options])   -- the search form of each word, space separated:
**                                      what a MATCH on that word looks up
**   arabic_query(text [, options])  -- free text from a search box -> a MATCH expression
**
** arabic_query never produces a syntax error: each word or "quoted phrase"
** the user typed becomes a quoted FTS5 string (quotes doubled), a word
** ending in * stays a prefix query, OR between two words is kept, a word
** starting with - is excluded (NOT), and words that hold no letter or digit
** are dropped; with no word left the result is "" (matches nothing).
** Options: any 1 (any word may match: OR), prefix 1 (the last
** word is a prefix, for search as you type).
**
**   SELECT arabic_query('بوتين "وقف إطلاق النار" كورس*');
**   -- "بوتين" "وقف إطلاق النار" "كورس"*
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

/* True if z[0..n) holds a word for the tokenizer. */
static int has_word(const ArTokenizer *t, const char *z, int n) {
  int count = 0;
  ar_tokenize(t, &count, AR_TOKENIZE_QUERY, z, n, count_token);
  return count > 0;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

/* Append z[0..n) as a quoted FTS5 string, doubling quotes. A NUL byte
** would end the MATCH expression early (an unterminated string) and
** malformed UTF-8 would make the result invalid text: both are written as
** U+FFFD, which the tokenizer reads as a separator, as it reads them. */
static void append_quoted(Out *o, const char *z, int n) {
  int i = 0;
  out_append(o, "\"", 1);
  while (i < n) {
    int start = i;
    uint32_t c = ar_utf8_decode((const unsigned char *)z, n, &i);
    if (c == '"')
      out_append(o, "\"\"", 2);
    else if (c == 0 || (c == AR_REPLACEMENT_CHAR && i - start == 1))
      out_append(o, "\xEF\xBF\xBD", 3);
    else
      out_append(o, z + start, i - start);
  }
  out_append(o, "\"", 1);
}

static void query_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const ArOptions *opts;
  const ArTokenizer *t = ar_default_analyzer(), *tQuery;
  const char *z;
  int n, i = 0, nTerm = 0, pendingOr = 0;
  sqlite3_int64 iLastPrefixable = -1; /* output offset just after the last plain word */
  Out o = {0, 0, 0, 0};
  if (ar_any_null(argc, argv)) return;
  if (!(tQuery = ar_arg_analyzer(ctx, "arabic_query", argc, argv, 1, AR_SCOPE_QUERY))) return;
  opts = &tQuery->opts;
  if (!(z = ar_arg_text(ctx, argv[0], &n))) return;
  while (i < n) {
    int start, end, neg = 0, star = 0, phrase = 0;
    while (i < n && is_space(z[i])) i++;
    if (i >= n) break;
    if (z[i] == '"') {
      phrase = 1;
      start = ++i;
      while (i < n && z[i] != '"') i++;
      end = i;
      if (i < n) i++;
    } else {
      if (z[i] == '-' && nTerm > 0) {
        neg = 1;
        i++;
      }
      start = i;
      while (i < n && !is_space(z[i]) && z[i] != '"') i++;
      end = i;
      while (end > start && z[end - 1] == '*') {
        star = 1;
        end--;
      }
      if (!neg && end - start == 2 && memcmp(z + start, "OR", 2) == 0) {
        pendingOr = nTerm > 0;
        continue;
      }
    }
    if (!has_word(t, z + start, end - start)) continue;
    if (nTerm > 0) {
      if (neg) out_append(&o, " NOT ", 5);
      else if (pendingOr || opts->any) out_append(&o, " OR ", 4);
      else out_append(&o, " ", 1);
    }
    append_quoted(&o, z + start, end - start);
    if (star) out_append(&o, "*", 1);
    iLastPrefixable = (!phrase && !star && !neg) ? o.n : -1;
    pendingOr = 0;
    nTerm++;
  }
  if (opts->prefix && iLastPrefixable == o.n) out_append(&o, "*", 1);
  /* No word at all: an empty phrase, which matches nothing and is valid. */
  if (nTerm == 0) out_append(&o, "\"\"", 2);
  out_result(ctx, &o);
}

int arabic_register_search(sqlite3 *db) {
  int rc = sqlite3_create_function(db, "arabic_stem", 1, ARABIC_FUNC_FLAGS, 0, stem_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_stem", 2, ARABIC_FUNC_FLAGS, 0, stem_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_query", 1, ARABIC_FUNC_FLAGS, 0, query_func, 0, 0);
  if (rc == SQLITE_OK) rc = sqlite3_create_function(db, "arabic_query", 2, ARABIC_FUNC_FLAGS, 0, query_func, 0, 0);
  return rc;
}
