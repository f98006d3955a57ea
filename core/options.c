/*
** Option parsing shared by the tokenizer and the SQL functions.
*/
#include "options.h"

#include <stdio.h>
#include <string.h>

#include "normalize.h"
#include "utf8.h"

/* A key or a value quoted in a message: at most 40 bytes, valid UTF-8. */
typedef struct Quoted {
  char z[48];
} Quoted;

static Quoted quoted(const char *z) {
  Quoted q;
  ar_utf8_excerpt(z, (int)strlen(z), q.z, 40);
  return q;
}

typedef struct FoldKey {
  const char *zName;
  unsigned flag;
} FoldKey;

/* The fold options, in the order the README documents them. */
static const FoldKey aFoldKey[] = {
    {"diacritics", AR_FOLD_DIACRITICS}, {"tatweel", AR_FOLD_TATWEEL},
    {"invisible", AR_FOLD_INVISIBLE},   {"compat", AR_FOLD_COMPAT},
    {"alef", AR_FOLD_ALEF},             {"yeh", AR_FOLD_YEH},
    {"teh_marbuta", AR_FOLD_TEH_MARBUTA}, {"persian", AR_FOLD_PERSIAN},
    {"hamza", AR_FOLD_HAMZA},           {"digits", AR_FOLD_DIGITS},
    {"case", AR_FOLD_CASE},             {"latin_diacritics", AR_FOLD_LATIN_MARKS},
};

void ar_options_default(ArOptions *o) {
  o->folds = AR_FOLD_DEFAULT;
  o->stem = 1;
  o->version = AR_TOKEN_FORMAT;
  o->stopwords = 0;
  o->variants = 0;
  o->any = 0;
  o->prefix = 0;
}

/* Read a value that must be one of 0..nMax; -1 if it is not. */
static int small_int(const char *z, int nMax) {
  if (z[0] >= '0' && z[0] <= '9' && z[1] == 0 && z[0] - '0' <= nMax) return z[0] - '0';
  return -1;
}

int ar_options_set(ArOptions *o, int scope, const char *zKey, const char *zVal, char *zErr) {
  size_t i;
  int v;
  for (i = 0; (scope & AR_KEYS_FOLD) && i < sizeof(aFoldKey) / sizeof(aFoldKey[0]); i++) {
    if (strcmp(zKey, aFoldKey[i].zName) == 0) {
      if ((v = small_int(zVal, 1)) < 0) goto bad_value01;
      if (v) o->folds |= aFoldKey[i].flag;
      else o->folds &= ~aFoldKey[i].flag;
      return 0;
    }
  }
  if ((scope & AR_KEYS_STEM) && strcmp(zKey, "stem") == 0) {
    if ((v = small_int(zVal, 1)) < 0) goto bad_value01;
    o->stem = v;
    return 0;
  }
  if ((scope & AR_KEYS_STEM) && strcmp(zKey, "version") == 0) {
    /* The token format: a new format is a new value, never a new meaning. */
    if ((v = small_int(zVal, AR_TOKEN_FORMAT)) < 1) {
      snprintf(zErr, AR_ERRMSG_SIZE, "option 'version' expects 1 or 2, got '%s'", quoted(zVal).z);
      return 1;
    }
    o->version = v;
    return 0;
  }
  if (scope & AR_KEYS_QUERY) {
    int *pField = strcmp(zKey, "any") == 0 ? &o->any : strcmp(zKey, "prefix") == 0 ? &o->prefix : 0;
    if (pField) {
      if ((v = small_int(zVal, 1)) < 0) goto bad_value01;
      *pField = v;
      return 0;
    }
  }
  if (scope & AR_KEYS_INDEX) {
    if (strcmp(zKey, "stopwords") == 0) {
      if ((v = small_int(zVal, 1)) < 0) goto bad_value01;
      o->stopwords = v;
      return 0;
    }
    if (strcmp(zKey, "variants") == 0) {
      if ((v = small_int(zVal, 1)) < 0) goto bad_value01;
      o->variants = v;
      return 0;
    }
  }
  snprintf(zErr, AR_ERRMSG_SIZE, "unknown option '%s'", quoted(zKey).z);
  return 1;

bad_value01:
  snprintf(zErr, AR_ERRMSG_SIZE, "option '%s' expects 0 or 1, got '%s'", quoted(zKey).z,
           quoted(zVal).z);
  return 1;
}

static int is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

/* Copy the next whitespace-delimited word of *pz into zOut (size nOut). */
static int next_word(const char **pz, char *zOut, int nOut) {
  const char *z = *pz;
  int n = 0;
  while (is_space(*z)) z++;
  if (!*z) return 0;
  while (*z && !is_space(*z)) {
    if (n < nOut - 1) zOut[n++] = *z;
    z++;
  }
  zOut[n] = 0;
  *pz = z;
  return 1;
}

int ar_options_parse(ArOptions *o, int scope, const char *z, char *zErr) {
  char zKey[48], zVal[48];
  while (next_word(&z, zKey, sizeof(zKey))) {
    if (!next_word(&z, zVal, sizeof(zVal))) {
      snprintf(zErr, AR_ERRMSG_SIZE, "option '%s' has no value (options are key value pairs)",
               quoted(zKey).z);
      return 1;
    }
    if (ar_options_set(o, scope, zKey, zVal, zErr)) return 1;
  }
  return 0;
}
