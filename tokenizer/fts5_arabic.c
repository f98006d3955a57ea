/*
** The 'arabic' FTS5 tokenizer.
**
**   CREATE VIRTUAL TABLE docs USING fts5(title, body, tokenize = 'arabic');
**   CREATE VIRTUAL TABLE docs USING fts5(body, tokenize = 'arabic stem 0 hamza 0');
**
** Arguments are key/value pairs (see core/options.c and the README):
** every fold of the normalizer (diacritics, tatweel, invisible, compat,
** alef, yeh, teh_marbuta, persian, hamza, digits, case, latin_diacritics:
** 0 or 1), stem 0|1, stopwords 0|1, variants 0|1 and version 1|2 (the token
** format, 2 by default: core/stem.h). An unknown
** key, a bad value or an odd number of arguments fails CREATE VIRTUAL TABLE
** (FTS5 reports "error in tokenizer constructor"; arabic_tokens('', 'OPTIONS')
** names the problem). The arguments are stored in the schema: their
** meaning never changes.
*/
#include "../ext/register.h"
#include "../core/tokenize.h"

typedef struct ArabicFts5Tokenizer {
  ArTokenizer core; /* read-only after xCreate: no per-call state */
} ArabicFts5Tokenizer;

static void arabic_delete(Fts5Tokenizer *pTok) { sqlite3_free(pTok); }

static int arabic_create(void *pUnused, const char **azArg, int nArg, Fts5Tokenizer **ppOut) {
  ArOptions opts;
  char zErr[AR_ERRMSG_SIZE];
  ArabicFts5Tokenizer *p;
  int i;
  (void)pUnused;
  *ppOut = 0;
  ar_options_default(&opts);
  if (nArg % 2) return SQLITE_ERROR;
  for (i = 0; i < nArg; i += 2) {
    if (ar_options_set(&opts, AR_SCOPE_TOKENIZER, azArg[i], azArg[i + 1], zErr)) return SQLITE_ERROR;
  }
  p = sqlite3_malloc64(sizeof(*p));
  if (!p) return SQLITE_NOMEM;
  ar_tokenizer_init(&p->core, &opts);
  *ppOut = (Fts5Tokenizer *)p;
  return SQLITE_OK;
}

static int arabic_tokenize(Fts5Tokenizer *pTok, void *pCtx, int flags, const char *pText, int nText,
                           int (*xToken)(void *, int, const char *, int, int, int)) {
  int rc = ar_tokenize(&((ArabicFts5Tokenizer *)pTok)->core, pCtx, flags, pText, nText, xToken);
  return rc == SQLITE_DONE ? SQLITE_OK : rc;
}

int arabic_register_tokenizer(sqlite3 *db, fts5_api *api) {
  fts5_tokenizer tok = {arabic_create, arabic_delete, arabic_tokenize};
  (void)db;
  return api->xCreateTokenizer(api, "arabic", 0, &tok, 0);
}
