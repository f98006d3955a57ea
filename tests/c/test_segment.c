/*
** Unit tests of the word segmenter (core/segment.h), the one word rule of
** the index, the entity engine and the name keys: script changes, hashtags,
** underscores, digits, marks, hamza composition, malformed UTF-8, long
** words, and where every folded letter came from.
*/
#include <stdint.h>
#include <stdlib.h>

#include "../../core/normalize.h"
#include "../../core/segment.h"
#include "../../core/utf8.h"
#include "testlib.h"

static ArNormalizer g_norm, g_keep_alef;

/* Every event of z as "word@start-end" or "<mark>@start-end", space separated. */
static const char *describe(const ArNormalizer *norm, const char *z, int flags, char *zOut) {
  ArSegmenter seg;
  ArWord w;
  int kind, pos = 0;
  zOut[0] = 0;
  ar_segmenter_init(&seg, norm, z, (int)strlen(z), flags);
  while ((kind = ar_segment_next(&seg, &w)) != AR_SEG_END) {
    if (pos) zOut[pos++] = ' ';
    if (kind == AR_SEG_MARK) {
      zOut[pos++] = '<';
      pos += ar_utf8_encode(w.cp[0], (unsigned char *)zOut + pos);
      zOut[pos++] = '>';
    } else {
      memcpy(zOut + pos, w.z, (size_t)w.off[w.n]);
      pos += w.off[w.n];
    }
    pos += sprintf(zOut + pos, "@%d-%d", w.iStart, w.iEnd);
  }
  zOut[pos] = 0;
  return zOut;
}

static void check_words(const char *zName, const char *z, int flags, const char *zWant) {
  char zBuf[4096];
  check_str(zName, describe(&g_norm, z, flags, zBuf), zWant);
}

/* The separator recorded before each word, as "word:U+XXXX". */
static const char *befores(const char *z, char *zOut) {
  ArSegmenter seg;
  ArWord w;
  int pos = 0;
  ar_segmenter_init(&seg, &g_norm, z, (int)strlen(z), 0);
  while (ar_segment_next(&seg, &w) == AR_SEG_WORD) {
    if (pos) zOut[pos++] = ' ';
    memcpy(zOut + pos, w.z, (size_t)w.off[w.n]);
    pos += w.off[w.n];
    pos += sprintf(zOut + pos, ":%04X", (unsigned)w.before);
  }
  zOut[pos] = 0;
  return zOut;
}

int main(void) {
  char zBuf[4096];
  ar_normalizer_init(&g_norm, AR_FOLD_DEFAULT);
  ar_normalizer_init(&g_keep_alef, AR_FOLD_DEFAULT & ~AR_FOLD_ALEF);

  check_words("a change of script ends a word", "التقى بوتينPutin", 0,
              "التقي@0-10 بوتين@11-21 putin@21-26");
  check_words("Latin letters with digits stay one word", "covid19 G7 f16", 0, "covid19@0-7 g7@8-10 f16@11-14");
  check_words("Arabic letters and digits split", "لـ3 و١٥", 0, "ل@0-4 3@4-5 و@6-8 15@8-12");
  check_words("a hashtag and an underscore separate words", "#دونالد_ترمب", 0,
              "دونالد@1-13 ترمب@14-22");
  check_words("with AR_SEG_MARKS, each punctuation mark is reported", "#دونالد_ترمب، @كييف", AR_SEG_MARKS,
              "<#>@0-1 دونالد@1-13 <_>@13-14 ترمب@14-22 <،>@22-24 <@>@25-26 كييف@26-34");
  check_words("spaces are never marks", "بوتين \t\xC2\xA0 ترامب", AR_SEG_MARKS, "بوتين@0-10 ترامب@15-25");
  check_words("harakat, shadda and tatweel stay inside the word", "مُحَمَّــدٌ قال", 0, "محمد@0-22 قال@23-29");
  check_words("a mark before any letter belongs to nothing", "\xD9\x8F" "بوتين", 0, "بوتين@2-12");
  check_words("malformed UTF-8 separates words", "ab\xFF" "cd\xC3", 0, "ab@0-2 cd@3-5");
  check_words("malformed UTF-8 is a mark (U+FFFD)", "ab\xFF" "cd", AR_SEG_MARKS, "ab@0-2 <\xEF\xBF\xBD>@2-3 cd@3-5");
  check_words("an emoji separates words and is a mark", "بوتين\xF0\x9F\x98\x80ترامب", AR_SEG_MARKS,
              "بوتين@0-10 <\xF0\x9F\x98\x80>@10-14 ترامب@14-24");
  check_words("a ligature expands to its letters, without its spaces", "\xEF\xB7\xBA", 0,
              "صلياللهعليهوسلم@0-3");
  check_words("empty text", "", AR_SEG_MARKS, "");

  check_str("the separator before each word", befores("~ترامب و ~ بوتين Putin", zBuf),
            "ترامب:007E و:0020 بوتين:0020 putin:0020");
  check_str("no separator before a word that follows a script change", befores("بوتينPutin", zBuf),
            "بوتين:0000 putin:0000");

  /* A decomposed hamza composes with its base letter, as NFC would. */
  check_str("alef + hamza above folds like alef with hamza",
            describe(&g_keep_alef, "ا\xD9\x94" "حمد", 0, zBuf), "أحمد@0-10");
  check_str("yeh + hamza above folds like yeh with hamza (then hamza folds)",
            describe(&g_norm, "ري\xD9\x94يس", 0, zBuf), "رييس@0-10");
  {
    ArSegmenter seg;
    ArWord w;
    const char *z = "وا\xD9\x94حمد";
    ar_segmenter_init(&seg, &g_keep_alef, z, (int)strlen(z), 0);
    ar_segment_next(&seg, &w);
    check_int("each letter knows its byte in the input: و", w.src[0], 0);
    check_int("the composed letter comes from its base letter", w.src[1], 2);
    check_int("the letter after the composition", w.src[2], 6);
    check_int("composition leaves one letter", w.n, 5);
  }
  {
    /* A word longer than AR_MAX_WORD_CHARS keeps its first letters and its whole span. */
    char zLong[2 * 300 + 8];
    ArSegmenter seg;
    ArWord w;
    int i;
    for (i = 0; i < 300; i++) memcpy(zLong + 2 * i, "\xD8\xA8", 2); /* ب */
    memcpy(zLong + 600, " \xD8\xA8", 4);
    ar_segmenter_init(&seg, &g_norm, zLong, 603, 0);
    ar_segment_next(&seg, &w);
    check_int("a long word keeps AR_MAX_WORD_CHARS letters", w.n, AR_MAX_WORD_CHARS);
    check_int("and its whole span", w.iEnd, 600);
    check_int("the next word follows", ar_segment_next(&seg, &w), AR_SEG_WORD);
    check_int("which starts after the space", w.iStart, 601);
    check_int("then the end", ar_segment_next(&seg, &w), AR_SEG_END);
  }
  check_int("ar_is_space: no-break space", ar_is_space(0xA0), 1);
  check_int("ar_is_space: underscore is not", ar_is_space('_'), 0);
  return test_done();
}
