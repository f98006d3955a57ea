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
** word is a prefix, for search as you type). More than
** AR_QUERY_MAX_WORDS words (a phrase counts its words) is an error: FTS5
** reads a list of rows per word, so a pasted article would make a query
** of minutes.
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

static int append_stem(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  Out *o = pCtx;
  (void)tflags; (void)iStart; (void)iEnd;
  if (o->n) out_append(o, " ", 1);
  out_append(o, pToken, nToken);
  return o->oom ? SQLITE_NOMEM : SQLITE_OK;
}

static void stem_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const ArOptions *opts;
  const ArNormalizer *norm;
  ArTokenizer *t;
  Out o = {0, 0, 0, 0};
  const char *z;
  int n, rc;
  if (ar_any_null(argc, argv)) return;
  norm = ar_arg_config(ctx, "arabic_stem", argc, argv, 1, AR_SCOPE_STEM, &opts);
  if (!norm || !(z = ar_arg_text(ctx, argv[0], &n))) return;
  t = sqlite3_malloc64(sizeof(*t));
  if (!t) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  t->opts = *opts;
  t->norm = *norm;
  rc = ar_tokenize(t, &o, AR_TOKENIZE_QUERY, z, n, append_stem);
  sqlite3_free(t);
  if (rc) o.oom = 1;
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
  const char *z;
  int n, i = 0, nTerm = 0, nWords = 0, pendingOr = 0;
  sqlite3_int64 iLastPrefixable = -1; /* output offset just after the last plain word */
  Out o = {0, 0, 0, 0};
  const ArTokenizer *t;
  if (ar_any_null(argc, argv)) return;
  if (!ar_arg_config(ctx, "arabic_query", argc, argv, 1, AR_SCOPE_QUERY, &opts)) return;
  if (!(z = ar_arg_text(ctx, argv[0], &n))) return;
  t = sqlite3_user_data(ctx);
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
    {
      int k = count_words(t, z + start, end - start);
      if (k == 0) continue;
      nWords += k;
    }
    if (nWords > AR_QUERY_MAX_WORDS) {
      sqlite3_free(o.z);
      ar_result_error_free(ctx, sqlite3_mprintf("arabic_query: more than %d words: shorten the query",
                                                AR_QUERY_MAX_WORDS));
      return;
    }
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
  int rc = SQLITE_OK;
  ArTokenizer *t = sqlite3_malloc64(sizeof(*t));
  ArOptions defaults;
  if (!t) return SQLITE_NOMEM;
  ar_options_default(&defaults);
  ar_tokenizer_init(t, &defaults);
  rc = sqlite3_create_function(db, "arabic_stem", 1, ARABIC_FUNC_FLAGS, 0, stem_func, 0, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "arabic_stem", 2, ARABIC_FUNC_FLAGS, 0, stem_func, 0, 0);
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function(db, "arabic_query", 1, ARABIC_FUNC_FLAGS, t, query_func, 0, 0);
  /* The last registration owns t, even when it fails. */
  if (rc == SQLITE_OK)
    rc = sqlite3_create_function_v2(db, "arabic_query", 2, ARABIC_FUNC_FLAGS, t, query_func, 0, 0,
                                    sqlite3_free);
  else
    sqlite3_free(t);
  return rc;
}
