/*
** Helpers shared by the SQL bindings: argument reading and the analyzer
** cache, so every function treats NULL, numbers, blobs and options the same
** way, and no function builds a fold table per row.
*/
#ifndef ARABIC_SQLFUNC_H
#define ARABIC_SQLFUNC_H

#include "sqlite_api.h"
#include "../core/normalize.h"
#include "../core/options.h"
#include "../core/tokenize.h"

/* True if any argument is NULL; the result is then NULL, as for built-ins. */
int ar_any_null(int argc, sqlite3_value **argv);

/* The text of argv[i] (numbers as their text, blobs as their bytes) and its
** length; NULL after reporting the error (out of memory, too big). */
const char *ar_arg_text(sqlite3_context *ctx, sqlite3_value *v, int *pn);

/* The analyzer (options and their fold table) of the options in argument
** iArg, accepting the keys of scope: built once per statement and cached
** with sqlite3_set_auxdata; with argc <= iArg, the defaults. NULL after
** reporting an error that names zFunc. */
const ArTokenizer *ar_arg_analyzer(sqlite3_context *ctx, const char *zFunc, int argc,
                                   sqlite3_value **argv, int iArg, int scope);

/* Report the error zMsg (from sqlite3_mprintf; NULL when that ran out of
** memory) and free it. */
void ar_result_error_free(sqlite3_context *ctx, char *zMsg);

/* A copy of z[0..n) with each malformed UTF-8 byte as U+FFFD (one
** character either way, so character offsets stay those of the input),
** NUL-terminated, its length in *pnOut (may be NULL); NULL for a NULL z, or
** with *pNoMem set when out of memory. */
char *ar_clean_utf8(const unsigned char *z, int n, int *pnOut, int *pNoMem);

/* Parse option text (n bytes; a NUL inside is an error) into *t for scope.
** Returns 0, or 1 with a message in zErr (AR_ERRMSG_SIZE bytes). */
int ar_analyzer_parse(ArTokenizer *t, int scope, const char *zOpts, int n, char *zErr);

/* The default analyzer and its normalizer (AR_FOLD_DEFAULT), built once per process. */
const ArTokenizer *ar_default_analyzer(void);
const ArNormalizer *ar_default_normalizer(void);

#endif
