/*
** Unit tests of the normalization core and the option parser:
** (input, options, expected) vectors, then the hard inputs.
*/
#include <stdlib.h>

#include "../../core/alloc.h"
#include "../../core/normalize.h"
#include "../../core/options.h"
#include "testlib.h"

typedef struct Case {
  const char *zName;
  const char *zIn;
  const char *zOptions;
  const char *zWant;
} Case;

static const Case aCase[] = {
    {"harakat removed", "مُحَمَّدٌ", "", "محمد"},
    {"harakat kept with diacritics 0", "مُحَمَّدٌ", "diacritics 0", "مُحَمَّدٌ"},
    {"tatweel removed", "كتــــاب", "", "كتاب"},
    {"tatweel kept with tatweel 0", "كتــاب", "tatweel 0", "كتــاب"},
    {"superscript alef and Quranic marks", "ٱلْعَٰلَمِينَ ۖ", "", "العلمين "},
    {"alef forms", "أحمد إبراهيم آمال ٱلله", "", "احمد ابراهيم امال الله"},
    {"alef forms kept with alef 0", "أحمد إبراهيم", "alef 0", "أحمد إبراهيم"},
    {"alef maksura to yeh", "على مستوى", "", "علي مستوي"},
    {"alef maksura kept with yeh 0", "على", "yeh 0", "على"},
    {"teh marbuta to heh", "مدرسة", "", "مدرسه"},
    {"teh marbuta kept", "مدرسة", "teh_marbuta 0", "مدرسة"},
    {"persian and urdu letters", "کتاب ی ۀ ہ ے", "", "كتاب ي ه ه ي"},
    {"persian letters kept", "کتاب ی", "persian 0", "کتاب ی"},
    {"hamza carriers folded", "رئيس مؤتمر", "", "رييس موتمر"},
    {"hamza carriers kept with hamza 0", "رئيس مؤتمر", "hamza 0", "رئيس مؤتمر"},
    {"lone hamza stays", "سماء", "", "سماء"},
    {"arabic-indic digits", "٢٠٢٢ ۱۴۰۳", "", "2022 1403"},
    {"digits kept with digits 0", "٢٠٢٢", "digits 0", "٢٠٢٢"},
    {"latin case and diacritics", "Élan ÉCOLE Ångström", "", "elan ecole angstrom"},
    {"latin diacritics kept", "Élan", "latin_diacritics 0", "élan"},
    {"angstrom sign folds like the letter (idempotent; found by fuzz_normalize)", "\u212B \u00C5", "", "a a"},
    {"yeh barree and heh goal with hamza, composed or not (found by fuzz_translit)", "\u06D3 \u06D2\u0654 \u06C2 \u06C1\u0654", "", "\u064A \u064A \u0647 \u0647"},
    {"case kept with case 0", "Élan", "case 0", "Elan"},
    {"greek and cyrillic case", "ΣΟΦΙΑ МОСКВА", "", "σοφια москва"},
    {"sharp s is simple-folded like unicode61", "Straße", "", "straße"},
    {"invisible marks removed", "كتا\xe2\x80\x8c" "ب \xe2\x80\x8f" "بوتين \xd8\x9c" "x\xc2\xad" "y", "", "كتاب بوتين xy"},
    {"invisible kept with invisible 0", "a\xe2\x80\x8c" "b", "invisible 0", "a\xe2\x80\x8c" "b"},
    {"lam-alef ligatures", "ﻻ ﻷ ﻹ ﻵ", "", "لا لا لا لا"},
    {"allah ligature", "ﷲ", "", "الله"},
    {"presentation forms of letters", "ﺃﺣﻤﺪ", "", "احمد"},
    {"presentation forms kept with compat 0", "ﻻ", "compat 0", "ﻻ"},
    {"compat then folds off", "ﻷ", "alef 0", "لأ"},
    {"decomposed hamza composes then folds", "ا\xd9\x94" "حمد", "", "احمد"},
    {"decomposed hamza composes, alef 0", "ا\xd9\x94" "حمد", "alef 0", "أحمد"},
    {"decomposed waw hamza, hamza 0", "مو\xd9\x94" "تمر", "hamza 0", "مؤتمر"},
    {"punctuation and spaces unchanged", "قال، «نعم»؛ لا؟ (١)\n\t!", "", "قال، «نعم»؛ لا؟ (1)\n\t!"},
    {"emoji unchanged", "سلام 👋🏽", "", "سلام 👋🏽"},
    {"empty", "", "", ""},
    {"invalid byte 0xFF", "a\xff" "b", "", "a\xef\xbf\xbd" "b"},
    {"truncated sequence", "a\xd8", "", "a\xef\xbf\xbd"},
    {"overlong slash", "\xc0\xaf", "", "\xef\xbf\xbd\xef\xbf\xbd"},
    {"encoded surrogate", "\xed\xa0\x80", "", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
    {"lone continuation", "\x80" "ب", "", "\xef\xbf\xbd" "ب"},
    {"above U+10FFFF", "\xf4\x90\x80\x80", "", "\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd\xef\xbf\xbd"},
    {"four-byte characters kept", "\xf0\xa0\x80\x80 \xf0\x9d\x90\x80", "", "\xf0\xa0\x80\x80 \xf0\x9d\x90\x80"},
};

static void test_cases(void) {
  size_t i;
  for (i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const Case *c = &aCase[i];
    ArOptions o;
    ArNormalizer n;
    char zErr[AR_ERRMSG_SIZE];
    char *zOut = 0;
    int nOut = 0;
    ar_options_default(&o);
    if (ar_options_parse(&o, AR_SCOPE_FOLD, c->zOptions, zErr)) {
      check_str(c->zName, zErr, "(options parse)");
      continue;
    }
    ar_normalizer_init(&n, o.folds);
    if (ar_normalize_text(&n, c->zIn, (int)strlen(c->zIn), &zOut, &nOut) != AR_OK) {
      check_str(c->zName, "(out of memory)", c->zWant);
      continue;
    }
    check_str(c->zName, zOut, c->zWant);
    check_int("length agrees with the string", nOut, (long long)strlen(zOut));
    ar_free(zOut);
  }
}

typedef struct OptCase {
  int scope;
  const char *zOptions;
  const char *zErr; /* NULL when the options are valid */
} OptCase;

static const OptCase aOptCase[] = {
    {AR_SCOPE_FOLD, "alef 0 yeh 1", 0},
    {AR_SCOPE_FOLD, "  alef\t0  ", 0},
    {AR_SCOPE_FOLD, "bogus 1", "unknown option 'bogus'"},
    {AR_SCOPE_FOLD, "alef", "option 'alef' has no value (options are key value pairs)"},
    {AR_SCOPE_FOLD, "alef 2", "option 'alef' expects 0 or 1, got '2'"},
    {AR_SCOPE_FOLD, "alef yes", "option 'alef' expects 0 or 1, got 'yes'"},
    {AR_SCOPE_FOLD, "stem 1", "unknown option 'stem'"},
    {AR_SCOPE_STEM, "stem 0", 0},
    {AR_SCOPE_STEM, "variants 1", "unknown option 'variants'"},
    {AR_SCOPE_TOKENIZER, "variants 1 stopwords 1 version 1", 0},
    {AR_SCOPE_TOKENIZER, "version 2", 0},
    {AR_SCOPE_STEM, "version 1", 0},
    {AR_SCOPE_TOKENIZER, "version 3", "option 'version' expects 1 or 2, got '3'"},
    {AR_SCOPE_TOKENIZER, "version 0", "option 'version' expects 1 or 2, got '0'"},
    {AR_SCOPE_FOLD, "version 1", "unknown option 'version'"},
};

static void test_options(void) {
  size_t i;
  for (i = 0; i < sizeof(aOptCase) / sizeof(aOptCase[0]); i++) {
    const OptCase *c = &aOptCase[i];
    ArOptions o;
    char zErr[AR_ERRMSG_SIZE] = "";
    char zName[160];
    int rc;
    ar_options_default(&o);
    rc = ar_options_parse(&o, c->scope, c->zOptions, zErr);
    snprintf(zName, sizeof(zName), "options '%s' (scope %d)", c->zOptions, c->scope);
    check_str(zName, rc ? zErr : 0, c->zErr);
  }
}

/* 1 MB of one letter, and 10,000 marks in a row. */
static void test_hard_inputs(void) {
  ArNormalizer n;
  int nIn = 1 << 20, i, nOut;
  char *zIn = malloc((size_t)nIn), *zOut;
  ar_normalizer_init(&n, AR_FOLD_DEFAULT);
  for (i = 0; i < nIn; i += 2) memcpy(zIn + i, "أ", 2);
  check_int("1 MB of one letter: ok", ar_normalize_text(&n, zIn, nIn, &zOut, &nOut), AR_OK);
  check_int("1 MB of one letter: length", nOut, nIn);
  check_int("1 MB of one letter: folded", memcmp(zOut, "ا", 2), 0);
  ar_free(zOut);
  memcpy(zIn, "ب", 2);
  for (i = 2; i < 20002; i += 2) memcpy(zIn + i, "َ", 2);
  check_int("10,000 marks: ok", ar_normalize_text(&n, zIn, 20002, &zOut, &nOut), AR_OK);
  check_str("10,000 marks: one letter left", zOut, "ب");
  ar_free(zOut);
  for (i = 0; i < 30000; i += 3) memcpy(zIn + i, "ﷲ", 3);
  check_int("10,000 ligatures expand: ok", ar_normalize_text(&n, zIn, 30000, &zOut, &nOut), AR_OK);
  check_int("10,000 ligatures expand: length", nOut, 80000);
  ar_free(zOut);
  free(zIn);
}

int main(void) {
  test_cases();
  test_options();
  test_hard_inputs();
  return test_done();
}
