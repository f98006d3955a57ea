/*
** Unit tests of the entity core: tokens and proclitics, features, the
** decoder on a hand-made model, the model check, whole texts with the
** shipped model, and every allocation failure of an extraction.
*/
#include <stdlib.h>

#include "../../ext/sqlite_api.h"
#include "../../core/alloc.h"
#include "../../core/lexicon.h"
#include "../../core/ner/entities.h"
#include "testlib.h"

static ArNormalizer g_norm;
static ArNerModel g_model;

/* "entity|TYPE|start|length|canonical" lines of a text, into zOut. */
static int describe(const char *zText, char *zOut, int nOut) {
  ArEntityList list;
  int i, pos = 0, rc = ar_entities_extract(&g_norm, &g_model, 0, zText, (int)strlen(zText), &list);
  zOut[0] = 0;
  if (rc != AR_OK) return rc;
  for (i = 0; i < list.n && pos < nOut - 1; i++) {
    const ArEntity *e = &list.a[i];
    pos += snprintf(zOut + pos, (size_t)(nOut - pos), "%s%.*s|%s|%d|%d|%.*s", i ? "\n" : "", e->nByte,
                    zText + e->iByte, ar_entity_type_name(e->type), e->iChar + 1, e->nChar, e->nCanon,
                    list.zPool + e->iCanon);
  }
  ar_entities_free(&list);
  return AR_OK;
}

static void test_tokens(void) {
  ArNerText t;
  const char *z = "وَبِموسكو، للكرملين والكرملين بوتين";
  int rc = ar_ner_tokenize(&g_norm, z, (int)strlen(z), &t);
  check_int("tokenize ok", rc, AR_OK);
  check_int("token count", t.nTok, 5);
  check_int("harakat kept in the span: first token chars", t.aTok[0].nChar, 9);
  check_str("folded form", t.zFold + t.aTok[0].iFold, "وبموسكو");
  check_int("و + ب proclitics", t.aTok[0].nProc, 2);
  check_int("comma is a token", t.aTok[1].isWord, 0);
  check_int("لل: proclitics", t.aTok[2].nProc, 2);
  check_int("لل: article restored", t.aTok[2].restoreAl, 1);
  check_int("وال: conjunction", t.aTok[3].nProc, 1);
  check_int("وال: article", t.aTok[3].nAl, 2);
  check_int("بوتين: ب read as a proclitic", t.aTok[4].nProc, 1);
  check_int("annotate ok", ar_ner_annotate(&t, 0), AR_OK);
  check_int("بوتين is a name as it stands", (int)(t.aTok[4].gazWhole & AR_GZ_PERSON), AR_GZ_PERSON);
  check_int("gazetteer names found", t.nMatch, 4);
  check_int("بموسكو matched without its proclitics (و and ب)", t.aMatch[0].stripFirst, 2);
  {
    uint32_t a[AR_NER_MAX_FEATURES], b[AR_NER_MAX_FEATURES];
    int na = ar_ner_features(&t, 4, a), nb = ar_ner_features(&t, 4, b);
    check_int("features are deterministic", na == nb && memcmp(a, b, sizeof(uint32_t) * (size_t)na) == 0, 1);
    check_int("features within bounds", na > 20 && na <= AR_NER_MAX_FEATURES, 1);
  }
  ar_ner_text_free(&t);
}

/* A model with no feature: the transitions alone decide. */
static void test_decoder(void) {
  static const uint32_t aKey[1] = {0};
  static const int16_t aWeight[AR_NER_NLABELS] = {0};
  int16_t aTrans[(AR_NER_NLABELS + 1) * AR_NER_NLABELS];
  ArNerModelData d;
  ArNerModel m;
  ArNerText t;
  unsigned char aLabel[3];
  const char *zErr = 0;
  int i;
  memset(aTrans, 0, sizeof(aTrans));
  /* start -> I-PERSON is forbidden however good; O -> I-PERSON too. */
  aTrans[AR_NER_NLABELS * AR_NER_NLABELS + AR_LABEL_I(AR_ENT_PERSON)] = 1000;
  aTrans[AR_NER_NLABELS * AR_NER_NLABELS + AR_LABEL_B(AR_ENT_PERSON)] = 10;
  aTrans[AR_LABEL_B(AR_ENT_PERSON) * AR_NER_NLABELS + AR_LABEL_I(AR_ENT_PERSON)] = 10;
  aTrans[AR_LABEL_I(AR_ENT_PERSON) * AR_NER_NLABELS + AR_LABEL_O] = 10;
  aTrans[AR_LABEL_O * AR_NER_NLABELS + AR_LABEL_I(AR_ENT_PERSON)] = 1000;
  d.magic = AR_NER_MODEL_MAGIC;
  d.featuresVersion = AR_NER_FEATURES_VERSION;
  d.nLabels = AR_NER_NLABELS;
  d.nFeat = 0;
  d.aKey = aKey;
  d.aWeight = aWeight;
  d.aTrans = aTrans;
  d.checksum = ar_ner_model_checksum(&d);
  d.lexiconChecksum = ar_lexicon_data.checksum;
  check_int("hand-made model opens", ar_ner_model_open(&d, &m, &zErr), AR_OK);
  ar_ner_tokenize(&g_norm, "a b c", 5, &t);
  ar_ner_annotate(&t, 0);
  check_int("decode ok", ar_ner_decode(&m, &t, aLabel), AR_OK);
  check_int("label 1: B-PERSON", aLabel[0], AR_LABEL_B(AR_ENT_PERSON));
  check_int("label 2: I-PERSON", aLabel[1], AR_LABEL_I(AR_ENT_PERSON));
  check_int("label 3: O (never O -> I)", aLabel[2], AR_LABEL_O);
  ar_ner_text_free(&t);
  ar_ner_model_close(&m);

  /* A damaged model is refused with a clear error. */
  d.checksum ^= 1;
  check_int("bad checksum refused", ar_ner_model_open(&d, &m, &zErr), 1);
  check_str("bad checksum message", zErr, "the entity model is damaged (checksum mismatch)");
  d.checksum ^= 1;
  d.magic = 0;
  check_int("bad magic refused", ar_ner_model_open(&d, &m, &zErr), 1);
  check_str("bad magic message", zErr, "the entity model is damaged (bad header)");
  d.magic = AR_NER_MODEL_MAGIC;
  d.featuresVersion++;
  check_int("other features refused", ar_ner_model_open(&d, &m, &zErr), 1);
  check_str("other features message", zErr, "the entity model was trained on other features (run make train)");
  d.featuresVersion--;
  d.lexiconChecksum ^= 1;
  check_int("other lexicon refused", ar_ner_model_open(&d, &m, &zErr), 1);
  check_str("other lexicon message", zErr, "the entity model was trained with another lexicon (run make train)");
  d.lexiconChecksum ^= 1;
  for (i = 0; i < 3; i++) aLabel[i] = 0;
}

static void test_shipped(void) {
  char z[4096];
  check_int("shipped model checks", ar_entities_extract(&g_norm, &g_model, 0, "", 0, &(ArEntityList){0}), AR_OK);
  describe("قال الرئيس الروسي فلاديمير بوتين لترامب إن موسكو مستعدة، وأكد ترمب ذلك.", z, sizeof(z));
  check_str("title left out, clitics stripped, one canonical",
            z,
            "فلاديمير بوتين|PERSON|19|14|فلاديمير بوتين\n"
            "ترامب|PERSON|35|5|دونالد ترامب\n"
            "موسكو|LOCATION|44|5|موسكو\n"
            "ترمب|PERSON|63|4|دونالد ترامب");
  describe("وصل الوفد يوم الأربعاء 8 أغسطس 2022 إلى القاهرة في آذار الماضي.", z, sizeof(z));
  check_str("dates and a place",
            z,
            "الأربعاء|DATE|15|8|الأربعاء\n"
            "8 أغسطس 2022|DATE|24|12|8 أغسطس 2022\n"
            "القاهرة|LOCATION|41|7|القاهرة\n"
            "آذار الماضي|DATE|52|11|آذار الماضي");
  describe("مارس الضغط على الحكومة.", z, sizeof(z));
  check_str("مارس as a verb is no date", z, "");
}

/* ---- allocation failures ---- */

static sqlite3_mem_methods g_real;
static int g_countdown = -1; /* fail the allocation that brings it to 0 */

static void *fail_malloc(int n) {
  if (g_countdown > 0 && --g_countdown == 0) return 0;
  return g_real.xMalloc(n);
}
static void *fail_realloc(void *p, int n) {
  if (g_countdown > 0 && --g_countdown == 0) return 0;
  return g_real.xRealloc(p, n);
}

static void test_out_of_memory(void) {
  const char *zText = "قال المتحدث باسم الكرملين دميتري بيسكوف في موسكو الأربعاء 8 أغسطس إن ترمب سيلتقي بوتين.";
  int n, nFail = 0, allOk = 1;
  for (n = 1; n < 400; n++) {
    ArEntityList list;
    int rc;
    g_countdown = n;
    rc = ar_entities_extract(&g_norm, &g_model, 0, zText, (int)strlen(zText), &list);
    if (g_countdown == 0) {
      nFail++;
      allOk &= rc == AR_NOMEM;
    }
    if (rc == AR_OK) ar_entities_free(&list);
    if (g_countdown > 0) break; /* ran to the end without failing: done */
  }
  g_countdown = -1;
  check_int("every allocation failure gives AR_NOMEM", allOk, 1);
  check_int("allocation failures injected", nFail > 5, 1);
}

int main(void) {
  sqlite3_mem_methods m;
  const char *zErr = 0;
  sqlite3_config(SQLITE_CONFIG_GETMALLOC, &g_real);
  m = g_real;
  m.xMalloc = fail_malloc;
  m.xRealloc = fail_realloc;
  sqlite3_config(SQLITE_CONFIG_MALLOC, &m);
  sqlite3_initialize();
  ar_normalizer_init(&g_norm, AR_FOLD_DEFAULT);
  check_int("shipped model opens", ar_ner_model_open(&ar_ner_model_data, &g_model, &zErr), AR_OK);
  test_tokens();
  test_decoder();
  test_shipped();
  test_out_of_memory();
  ar_ner_model_close(&g_model);
  return test_done();
}
