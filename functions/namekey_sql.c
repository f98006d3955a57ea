/*
** arabic_name_key(text): one key for the spelling variants of a name.
**
**   SELECT arabic_name_key('ترامب') = arabic_name_key('ترمب');        -- 1
**   SELECT arabic_name_key('فولوديمير زيلينسكي');                     -- keys of both words
**
** The words are the tokenizer's (core/segment.h: a change of script, #, _
** and every other separator end a word, so بوتينPutin gives the keys of
** بوتين and putin), folded like the tokenizer folds them except that ى is
** kept apart from ي (so على and علي keep two keys); each word gets its key
** (see namekey.h), its first 128 characters for a longer word, and the keys
** are joined by one space. Text without a word gives ''.
*/
#include <pthread.h>

#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/segment.h"
#include "../core/utf8.h"
#include "../core/alloc.h"
#include "../core/namekey.h"

static ArNormalizer g_name_norm;
static pthread_once_t g_name_norm_once = PTHREAD_ONCE_INIT;
static void build_name_norm(void) { ar_normalizer_init(&g_name_norm, AR_FOLD_DEFAULT & ~AR_FOLD_YEH); }

static void name_key_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ArSegmenter seg;
  ArWord w;
  uint32_t key[AR_MAX_WORD_CHARS];
  const char *zIn;
  unsigned char *zOut;
  int nIn, nOut = 0, nAlloc;
  (void)argc;
  if (ar_any_null(1, argv)) return;
  zIn = ar_arg_text(ctx, argv[0], &nIn);
  if (!zIn) return;
  pthread_once(&g_name_norm_once, build_name_norm);
  /* Room for the usual case (a key is never longer than its word); a text
  ** of expanding compatibility forms (U+FDFA) may need more. */
  nAlloc = nIn + 16;
  zOut = ar_malloc((size_t)nAlloc);
  if (!zOut) {
    sqlite3_result_error_nomem(ctx);
    return;
  }
  ar_segmenter_init(&seg, &g_name_norm, zIn, nIn, 0);
  while (ar_segment_next(&seg, &w) == AR_SEG_WORD) {
    int i, nKey = ar_name_key(w.cp, w.n, key);
    if (nKey == 0) continue;
    if (ar_grow((void **)&zOut, &nAlloc, nOut + 1 + 4 * nKey, 1) != AR_OK) {
      ar_free(zOut);
      sqlite3_result_error_nomem(ctx);
      return;
    }
    if (nOut > 0) zOut[nOut++] = ' ';
    for (i = 0; i < nKey; i++) nOut += ar_utf8_encode(key[i], zOut + nOut);
  }
  sqlite3_result_text(ctx, (const char *)zOut, nOut, ar_free);
}

int arabic_register_namekey(sqlite3 *db) {
  return sqlite3_create_function(db, "arabic_name_key", 1, ARABIC_FUNC_FLAGS, 0, name_key_func, 0, 0);
}
