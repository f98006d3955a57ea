/*
** Options shared by the tokenizer ('arabic alef 0 stem 1') and the SQL
** functions (arabic_normalize(x, 'alef 0')): the same keys, the same
** values, the same messages. Tokenizer options are stored in the schema of
** every FTS5 table, so they are a permanent format: keys are never renamed
** and a value never changes meaning.
*/
#ifndef ARABIC_OPTIONS_H
#define ARABIC_OPTIONS_H

/* Which keys a caller accepts: a set of key groups. */
#define AR_KEYS_FOLD      1 /* diacritics, tatweel, ..., latin_diacritics */
#define AR_KEYS_STEM      2 /* stem, version */
#define AR_KEYS_INDEX     4 /* stopwords, variants */
#define AR_KEYS_QUERY     8 /* any, prefix: arabic_query */
#define AR_SCOPE_FOLD      AR_KEYS_FOLD                                /* arabic_normalize */
#define AR_SCOPE_STEM      (AR_KEYS_FOLD | AR_KEYS_STEM)               /* arabic_stem */
#define AR_SCOPE_TOKENIZER (AR_KEYS_FOLD | AR_KEYS_STEM | AR_KEYS_INDEX) /* the tokenizer */
#define AR_SCOPE_QUERY     AR_KEYS_QUERY                               /* arabic_query */

typedef struct ArOptions {
  unsigned folds; /* AR_FOLD_* */
  int stem;       /* 0 off, 1 clitics (default) */
  int version;    /* the token format: 1 or AR_TOKEN_FORMAT (default) */
  int stopwords;  /* 0 off (default), 1 drop the built-in stop words */
  int variants;   /* 0 off (default), 1 also index each name key for "~name" queries */
  int any;        /* arabic_query: 0 every word must match (default), 1 any word */
  int prefix;     /* arabic_query: 1 the last word is a prefix (search as you type) */
} ArOptions;

/* The token format a table gets when its options do not name one. Every
** value ever released keeps its meaning (1: surface and stripped forms side
** by side; 2: one search form per reading, see core/stem.h). */
#define AR_TOKEN_FORMAT 2

#define AR_ERRMSG_SIZE 160

void ar_options_default(ArOptions *o);

/* Apply one key/value pair. Returns 0, or 1 with a message in zErr. */
int ar_options_set(ArOptions *o, int scope, const char *zKey, const char *zVal, char *zErr);

/* Parse 'key value key value ...' (whitespace separated). Returns 0 or 1. */
int ar_options_parse(ArOptions *o, int scope, const char *z, char *zErr);

#endif
