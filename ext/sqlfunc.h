/*
** Helpers shared by the SQL bindings: argument reading and option caching,
** so every function treats NULL, numbers, blobs and options the same way.
*/
#ifndef ARABIC_SQLFUNC_H
#define ARABIC_SQLFUNC_H

#include "sqlite_api.h"
#include "../core/normalize.h"
#include "../core/options.h"

/* True if any argument is NULL; the result is then NULL, as for built-ins. */
int ar_any_null(int argc, sqlite3_value **argv);

/* The text of argv[i] (numbers as their text, blobs as their bytes) and its
** length; NULL after reporting the error (out of memory, too big). */
const char *ar_arg_text(sqlite3_context *ctx, sqlite3_value *v, int *pn);

/* Report the error zMsg (from sqlite3_mprintf; NULL when that ran out of
** memory) and free it. */
void ar_result_error_free(sqlite3_context *ctx, char *zMsg);

/* A copy of z[0..n) with each malformed UTF-8 byte as U+FFFD (one
** character either way, so character offsets stay those of the input),
** NUL-terminated, its length in *pnOut (may be NULL); NULL for a NULL z, or
** with *pNoMem set when out of memory. */
char *ar_clean_utf8(const unsigned char *z, int n, int *pnOut, int *pNoMem);

/* The options of argument iArg (for scope) and the normalizer of their
** folds, parsed once per statement and cached with sqlite3_set_auxdata;
** with argc <= iArg, the defaults. Option text holding a NUL character is
** an error (what follows it would be ignored). Returns the normalizer and sets *ppOpts,
** or NULL after reporting an error that names zFunc. */
const ArNormalizer *ar_arg_config(sqlite3_context *ctx, const char *zFunc, int argc,
                                  sqlite3_value **argv, int iArg, int scope,
                                  const ArOptions **ppOpts);

/* The default normalizer (AR_FOLD_DEFAULT), built once per process. */
const ArNormalizer *ar_default_normalizer(void);

#endif
