/*
** Unit tests of the transliteration core and the collation core:
** (scheme, input, expected) vectors both ways, the tables' consistency,
** the output bound on hostile input, and exact comparison results.
*/
#include <stdint.h>
#include <stdlib.h>

#include "../../core/collation.h"
#include "../../core/normalize.h"
#include "../../core/translit.h"
#include "../../core/utf8.h"
#include "testlib.h"

typedef struct Case {
  const char *zScheme;
  const char *zArabic;
  const char *zLatin;
} Case;

/* Each pair must convert both ways (readable: forward only). */
static const Case aCase[] = {
    {"buckwalter", "مُحَمَّدٌ", "muHama~dN"},
    {"buckwalter", "أحمد إبراهيم آمال مؤتمر رئيس سماء", ">Hmd <brAhym |mAl m&tmr r}ys smA'"},
    {"buckwalter", "ذهب شمس ظل ٱلْعَٰلَمِينَ", "*hb $ms Zl {loEa`lamiyna"},
    {"buckwalter", "مدرسة على كتــاب", "mdrsp ElY kt__Ab"},
    {"buckwalter", "كِتَابًا ٍ ُ", "kitaAbFA K u"},
    {"buckwalter", "پ چ ڤ گ", "P J V G"},
    {"buckwalter", "قال، «نعم»؛ ٢٠٢٢", "qAl، «nEm»؛ ٢٠٢٢"},
    {"buckwalter", "شبكة FOXNEWS", "$bkp \\FOX\\N\\EW\\S"},
    {"buckwalter", "a\\b \\ c\\", "\\a\\\\\\b \\ c\\"},
    {"buckwalter", "\\\\", "\\\\\\"},
    {"buckwalter", "", ""},
    {"buckwalter", "2024 - 10", "2024 - 10"},
    {"safe-buckwalter", "أحمد إبراهيم آمال مؤتمر رئيس سماء", "OHmd IbrAhym MmAl mWtmr rQys smAC"},
    {"safe-buckwalter", "ذهب شمس ظل ٱلْعَٰلَمِينَ", "Vhb cms Zl LloEaelamiyna"},
    {"safe-buckwalter", "شمال-غرب a-b", "cmAl--grb -a---b"},
    {"safe-buckwalter", "2024 - 10 --", "2024 - 10 ---"},
    {"safe-buckwalter", "FOX", "-F-OX"},
    {"readable", "الولايات المتحدة تواصل مباحثاتها مع الجانب الروسي",
     "al-wlāyāt al-mtḥda twāṣl mbāḥthāthā mʿ al-jānb al-rūsī"},
    {"readable", "ترامب بوتين كييف ويتكوف زيلينسكي أوكرانيا", "trāmb būtīn kyīf wītkūf zīlīnskī awkrānyā"},
    {"readable", "مُحَمَّدٌ كِتَابٌ الشَّمْس مَدْرَسَة", "muḥammadun kitābun al-shams madrasah"},
    {"readable", "تقريباً إسلام آمال مسؤول على", "tqrīban islām āmāl msʾūl ʿlá"},
    {"readable", "قال، ٢٠٢٢؟ FOXNEWS", "qāl, 2022? FOXNEWS"},
    {"readable", "قُوَى سُورِيَّة", "quwá sūriyyah"},
};

static void test_cases(void) {
  size_t i;
  char zName[200];
  for (i = 0; i < sizeof(aCase) / sizeof(aCase[0]); i++) {
    const Case *c = &aCase[i];
    const ArTranslitScheme *s = ar_translit_scheme(c->zScheme);
    int nA = (int)strlen(c->zArabic), nL = (int)strlen(c->zLatin);
    char *z = malloc(ar_translit_bound((size_t)(nA > nL ? nA : nL)));
    size_t n = ar_translit(s, c->zArabic, nA, z);
    snprintf(zName, sizeof(zName), "%s: translit '%s'", c->zScheme, c->zArabic);
    check_str(zName, z, c->zLatin);
    check_int("length agrees with the string", (long long)n, (long long)strlen(z));
    if (ar_translit_reversible(s)) {
      n = ar_untranslit(s, c->zLatin, nL, z);
      snprintf(zName, sizeof(zName), "%s: untranslit '%s'", c->zScheme, c->zLatin);
      check_str(zName, z, c->zArabic);
      check_int("length agrees with the string", (long long)n, (long long)strlen(z));
    }
    free(z);
  }
}

static void test_schemes(void) {
  check_int("unknown scheme", ar_translit_scheme("Buckwalter") == 0, 1);
  check_int("buckwalter reversible", ar_translit_reversible(ar_translit_scheme("buckwalter")), 1);
  check_int("safe-buckwalter reversible",
            ar_translit_reversible(ar_translit_scheme("safe-buckwalter")), 1);
  check_int("readable one way", ar_translit_reversible(ar_translit_scheme("readable")), 0);
}

/* Every code point of U+0600..U+06FF comes back (mapped or passed
** through), and safe Buckwalter writes only letters, '_' and '~'. */
static void test_tables(void) {
  const char *azScheme[] = {"buckwalter", "safe-buckwalter"};
  size_t k;
  for (k = 0; k < 2; k++) {
    const ArTranslitScheme *s = ar_translit_scheme(azScheme[k]);
    int bad = 0, unsafe = 0, mapped = 0;
    uint32_t cp;
    for (cp = 0x0600; cp <= 0x06FF; cp++) {
      unsigned char zIn[8], zFwd[32], zBack[32];
      int nIn = ar_utf8_encode(cp, zIn);
      size_t nF = ar_translit(s, (char *)zIn, nIn, (char *)zFwd);
      size_t nB = ar_untranslit(s, (char *)zFwd, (int)nF, (char *)zBack);
      if (nB != (size_t)nIn || memcmp(zIn, zBack, (size_t)nIn) != 0) bad++;
      if (nF == 1) {
        mapped++;
        if (k == 1 && !((zFwd[0] >= 'a' && zFwd[0] <= 'z') || (zFwd[0] >= 'A' && zFwd[0] <= 'Z') ||
                        zFwd[0] == '_' || zFwd[0] == '~'))
          unsafe++;
      }
    }
    check_int(k ? "safe-buckwalter: every U+06xx round-trips" : "buckwalter: every U+06xx round-trips",
              bad, 0);
    check_int(k ? "safe-buckwalter: 51 code points mapped" : "buckwalter: 51 code points mapped",
              mapped, 51);
    if (k) check_int("safe-buckwalter: output is URL, regex and XML safe", unsafe, 0);
    /* Every printable ASCII character survives the round trip, alone and
    ** before or after the escape character. */
    bad = 0;
    for (cp = 0x20; cp < 0x7F; cp++) {
      char zIn[4] = {(char)cp, k ? '-' : '\\', (char)cp, 0}, zFwd[16], zBack[16];
      size_t nF = ar_translit(s, zIn, 3, zFwd);
      ar_untranslit(s, zFwd, (int)nF, zBack);
      if (strcmp(zIn, zBack) != 0) bad++;
    }
    check_int(k ? "safe-buckwalter: ASCII round-trips" : "buckwalter: ASCII round-trips", bad, 0);
  }
}

/* The worst inputs for the output bound, written into a buffer of exactly
** ar_translit_bound(n) bytes followed by a guard. */
static void test_bound(void) {
  const char *azUnit[] = {"\xff", "a", "\\", "-", "آ", "صّ", "صَّ", "ال", "ً", "ة"};
  const char *azScheme[] = {"buckwalter", "safe-buckwalter", "readable"};
  size_t u, k;
  int overflow = 0, dir;
  for (u = 0; u < sizeof(azUnit) / sizeof(azUnit[0]); u++) {
    size_t nUnit = strlen(azUnit[u]), nIn = nUnit * 1000, bound = ar_translit_bound(nIn), i;
    char *zIn = malloc(nIn), *zOut = malloc(bound + 16);
    for (i = 0; i < nIn; i += nUnit) memcpy(zIn + i, azUnit[u], nUnit);
    for (k = 0; k < 3; k++) {
      for (dir = 0; dir < 2; dir++) {
        const ArTranslitScheme *s = ar_translit_scheme(azScheme[k]);
        size_t n;
        if (dir && !ar_translit_reversible(s)) continue;
        memset(zOut + bound, 0x5A, 16);
        n = dir ? ar_untranslit(s, zIn, (int)nIn, zOut) : ar_translit(s, zIn, (int)nIn, zOut);
        if (n >= bound || zOut[bound] != 0x5A || zOut[bound + 15] != 0x5A) overflow++;
      }
    }
    free(zIn);
    free(zOut);
  }
  check_int("output stays within ar_translit_bound", overflow, 0);
}

typedef struct CollCase {
  const char *zA;
  const char *zB;
  int want; /* -1, 0, 1 */
} CollCase;

static const CollCase aColl[] = {
    {"أحمد", "احمد", 0},
    {"أَحْمَد", "احمد", 0},
    {"إبراهيم", "ابراهيم", 0},
    {"ا\xd9\x94" "حمد", "أحمد", 0}, /* decomposed hamza */
    {"كتــاب", "كتاب", 0},
    {"كتا\xe2\x80\x8c" "ب", "كتاب", 0}, /* ZWNJ */
    {"مدرسة", "مدرسه", 0},
    {"على", "علي", 0},
    {"مسؤول", "مسوول", 0},
    {"٢٠٢٤", "2024", 0},
    {"۲۰۲۴", "٢٠٢٤", 0},
    {"Ahmed", "ahmed", 0},
    {"", "ً", 0},
    {"ب", "ا", 1},
    {"ء", "ا", -1},
    {"ب", "پ", -1},
    {"پ", "ت", -1},
    {"ف", "ڤ", -1},
    {"ڤ", "ق", -1},
    {"ك", "گ", -1},
    {"گ", "ل", -1},
    {"ه", "و", -1},
    {"و", "ي", -1},
    {"مدرسة", "مدرسي", -1},
    {"احمد", "احمدي", -1},
    {"عبد الله", "عبدالله", -1},
    {"9", "ا", -1},
    {"zebra", "ا", -1},
    {"10", "9", -1},
    {"a\xff", "a\xfe", 0}, /* both U+FFFD */
};

static int sign(int x) {
  return x < 0 ? -1 : x > 0;
}

static void test_collation(void) {
  ArNormalizer n;
  size_t i;
  char zName[200];
  ar_normalizer_init(&n, AR_FOLD_DEFAULT);
  for (i = 0; i < sizeof(aColl) / sizeof(aColl[0]); i++) {
    const CollCase *c = &aColl[i];
    int na = (int)strlen(c->zA), nb = (int)strlen(c->zB);
    snprintf(zName, sizeof(zName), "collate '%s' vs '%s'", c->zA, c->zB);
    check_int(zName, sign(ar_collate(&n, c->zA, na, c->zB, nb)), c->want);
    snprintf(zName, sizeof(zName), "collate '%s' vs '%s' (swapped)", c->zB, c->zA);
    check_int(zName, sign(ar_collate(&n, c->zB, nb, c->zA, na)), -c->want);
  }
}

int main(void) {
  test_cases();
  test_schemes();
  test_tables();
  test_bound();
  test_collation();
  return test_done();
}
