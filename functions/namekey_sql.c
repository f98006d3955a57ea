/*
** arabic_name_key(text): one key for the spelling variants of a name.
**
**   SELECT arabic_name_key('ترامب') = arabic_name_key('ترمب');        -- 1
**   SELECT arabic_name_key('فولوديمير زيلينسكي');                     -- keys of both words
**
** The text is folded like the tokenizer folds it, except that ى is kept
** apart from ي in words of three letters or fewer (so على and علي keep two
** keys); each word then gets its key (see namekey.h) and the keys are
** joined by one space. Punctuation and spaces only separate words. Text
** without a word gives ''.
*/
#include <pthread.h>

#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/utf8.h"
#include "../core/alloc.h"
#include "../core/namekey.h"

static ArNormalizer g_name_norm;
static pthread_once_t g_name_norm_once = PTHREAD_ONCE_INIT;
static void build_name_norm(void) { ar_normalizer_init(&g_name_norm, AR_FOLD_DEFAULT & ~AR_FOLD_YEH); }

/* Append the key of word[0..nWord) to zOut at *pn, after a space if needed. */
static void append_key(const uint32_t *word, int nWord, uint32_t *key, unsigned char *zOut, int *pn) {
  int i, nKey = ar_name_key(word, nWord, key);
  if (nKey == 0) return;
  if (*pn > 0) zOut[(*pn)++] = ' ';
  for (i = 0; i < nKey; i++) *pn += ar_utf8_encode(key[i], zOut + *pn);
}

static void name_key_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  const char *zIn;
  char *zNorm;
  int nIn, nNorm, i = 0, nWord = 0, nOut = 0;
  uint32_t *word, *key;
  unsigned char *zOut;
  (void)argc;
  if (ar_any_null(1, argv)) return;
  zIn = ar_arg_text(ctx, argv[0], &nIn);
  if (!zIn) return;
  pthread_once(&g_name_norm_once, build_name_norm);
  if (ar_normalize_text(&g_name_norm, zIn, nIn, &zNorm, &nNorm) != AR_OK) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  /* The folded text has at most nNorm code points; a key is never longer
  ** than its word, and each word is followed by at least one separator. */
  word = ar_malloc(((size_t)nNorm + 1) * 2 * sizeof(uint32_t));
  zOut = ar_malloc((size_t)nNorm * 5 + 1);
  if (!word || !zOut) {
    ar_free(zNorm);
    ar_free(word);
    ar_free(zOut);
    sqlite3_result_error_nomem(ctx);
    return;
  }
  key = word + nNorm + 1;
  while (i < nNorm) {
    uint32_t cp = ar_utf8_decode((const unsigned char *)zNorm, nNorm, &i);
    if (ar_char_class(&g_name_norm, cp) == AR_CLS_SEP) {
      append_key(word, nWord, key, zOut, &nOut);
      nWord = 0;
    } else {
      word[nWord++] = cp;
    }
  }
  append_key(word, nWord, key, zOut, &nOut);
  ar_free(zNorm);
  ar_free(word);
  sqlite3_result_text(ctx, (const char *)zOut, nOut, ar_free);
}

int arabic_register_namekey(sqlite3 *db) {
  return sqlite3_create_function(db, "arabic_name_key", 1, ARABIC_FUNC_FLAGS, 0, name_key_func, 0, 0);
}
