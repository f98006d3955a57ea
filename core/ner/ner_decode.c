/*
** The tagging model of arabic_entities(): checking and indexing its data,
** and Viterbi decoding (ner.h). The weights are a linear model (averaged
** perceptron, tools/train_ner.c) over hashed features and label
** transitions; the best label sequence is found by Viterbi in time linear in
** the number of tokens, with I-X allowed only after B-X or I-X.
*/
#include <string.h>

#include "../alloc.h"
#include "../hashmap.h"
#include "../lexicon.h"
#include "ner.h"

#define NL AR_NER_NLABELS
#define NEG_INF (-1000000000)
#define EMPTY 0xFFFFFFFFu
#define BLOOM_BITS 19
#define BLOOM_BIT(key) (((key) * 0x9E3779B1u) >> (32 - BLOOM_BITS))

static int allowed(int prev, int cur) {
  if (cur == AR_LABEL_O || AR_LABEL_IS_B(cur)) return 1;
  return prev != AR_LABEL_O && prev < NL && AR_LABEL_TYPE(prev) == AR_LABEL_TYPE(cur);
}

uint32_t ar_ner_model_checksum(const ArNerModelData *d) {
  uint64_t h = AR_HASH_INIT;
  h = ar_hash_bytes(h, &d->nFeat, sizeof(d->nFeat));
  h = ar_hash_bytes(h, d->aKey, (int)((size_t)d->nFeat * sizeof(uint32_t)));
  h = ar_hash_bytes(h, d->aWeight, (int)((size_t)d->nFeat * NL * sizeof(int16_t)));
  h = ar_hash_bytes(h, d->aTrans, (int)((NL + 1) * NL * sizeof(int16_t)));
  return (uint32_t)(h ^ (h >> 32));
}

static inline const int16_t *weights_of(const ArNerModel *m, uint32_t key) {
  unsigned j = (key * 2654435761u) & m->mask, b = BLOOM_BIT(key);
  uint32_t s;
  if (!(m->aBloom[b / 64] & ((uint64_t)1 << (b % 64)))) return 0;
  while ((s = m->aSlot[2 * j + 1]) != EMPTY) {
    if (m->aSlot[2 * j] == key) return m->aWeight + (size_t)s * NL;
    j = (j + 1) & m->mask;
  }
  return 0;
}

int ar_ner_model_open(const ArNerModelData *d, ArNerModel *m, const char **pzErr) {
  unsigned size = 16;
  int i;
  memset(m, 0, sizeof(*m));
  if (d->magic != AR_NER_MODEL_MAGIC || d->nLabels != NL || d->nFeat < 0 || !d->aKey ||
      !d->aWeight || !d->aTrans) {
    *pzErr = "the entity model is damaged (bad header)";
    return 1;
  }
  if (d->featuresVersion != AR_NER_FEATURES_VERSION) {
    *pzErr = "the entity model was trained on other features (run make train)";
    return 1;
  }
  for (i = 1; i < d->nFeat; i++) {
    if (d->aKey[i - 1] >= d->aKey[i]) {
      *pzErr = "the entity model is damaged (keys out of order)";
      return 1;
    }
  }
  if (ar_ner_model_checksum(d) != d->checksum) {
    *pzErr = "the entity model is damaged (checksum mismatch)";
    return 1;
  }
  if (ar_lexicon_check(&ar_lexicon_data, pzErr)) return 1;
  if (d->lexiconChecksum != ar_lexicon_data.checksum) {
    *pzErr = "the entity model was trained with another lexicon (run make train)";
    return 1;
  }
  while (size < (unsigned)d->nFeat * 2) size *= 2;
  m->aSlot = ar_malloc(size * 2 * sizeof(uint32_t));
  m->aBloom = ar_malloc(((size_t)1 << BLOOM_BITS) / 8);
  m->aDense = ar_malloc((size_t)AR_NER_NDENSE * NL * sizeof(int16_t));
  if (!m->aSlot || !m->aBloom || !m->aDense) {
    ar_ner_model_close(m);
    return AR_NOMEM;
  }
  memset(m->aBloom, 0, ((size_t)1 << BLOOM_BITS) / 8);
  memset(m->aSlot, 0xFF, size * 2 * sizeof(uint32_t));
  m->mask = size - 1;
  for (i = 0; i < d->nFeat; i++) {
    unsigned j = (d->aKey[i] * 2654435761u) & m->mask;
    while (m->aSlot[2 * j + 1] != EMPTY) j = (j + 1) & m->mask;
    m->aSlot[2 * j] = d->aKey[i];
    m->aSlot[2 * j + 1] = (uint32_t)i;
    m->aBloom[BLOOM_BIT(d->aKey[i]) / 64] |= (uint64_t)1 << (BLOOM_BIT(d->aKey[i]) % 64);
  }
  m->nFeat = d->nFeat;
  m->aKey = d->aKey;
  m->aWeight = d->aWeight;
  m->aTrans = d->aTrans;
  for (i = 0; i < AR_NER_NDENSE; i++) {
    const int16_t *w = weights_of(m, ar_ner_dense_key(i));
    if (w) memcpy(m->aDense + (size_t)i * NL, w, NL * sizeof(int16_t));
    else memset(m->aDense + (size_t)i * NL, 0, NL * sizeof(int16_t));
  }
  for (i = 0; i < (NL + 1) * NL; i++) {
    int prev = i / NL, cur = i % NL;
    m->aAllowed[i] = allowed(prev, cur) ? d->aTrans[i] : NEG_INF;
  }
  return AR_OK;
}

void ar_ner_model_close(ArNerModel *m) {
  ar_free(m->aSlot);
  ar_free(m->aBloom);
  ar_free(m->aDense);
  memset(m, 0, sizeof(*m));
}

const int16_t *ar_ner_weights(const ArNerModel *m, uint32_t key) { return weights_of(m, key); }

/* emit[l] += w[l] for the 9 labels, written out: the loop the compiler
** left rolled was most of the tagger's instructions. */
_Static_assert(NL == 9, "add_weights is written for 9 labels");
static inline void add_weights(int *emit, const int16_t *w) {
  emit[0] += w[0], emit[1] += w[1], emit[2] += w[2], emit[3] += w[3], emit[4] += w[4];
  emit[5] += w[5], emit[6] += w[6], emit[7] += w[7], emit[8] += w[8];
}

int ar_ner_emissions(const ArNerModel *m, const ArNerText *t, int i, int *aEmit) {
  uint32_t aFeat[AR_NER_MAX_FEATURES];
  uint16_t aRow[AR_NER_MAX_FEATURES];
  int nRow, nFeat = ar_ner_features_split(t, i, aFeat, aRow, &nRow), f;
  memset(aEmit, 0, NL * sizeof(int));
  for (f = 0; f < nRow; f++) add_weights(aEmit, m->aDense + (size_t)aRow[f] * NL);
  for (f = 0; f < nFeat; f++) {
    const int16_t *w = weights_of(m, aFeat[f]);
    if (w) add_weights(aEmit, w);
  }
  return AR_OK;
}

/* Viterbi over emissions aEmit (NL per token). I-X comes only after B-X or
** I-X: its row reads those two. */
static void viterbi(const ArNerModel *m, const int16_t *aEmit, int nTok, unsigned char *back, unsigned char *aLabel) {
  int score[NL], next[NL], tr[(NL + 1) * NL], i, l, p;
  memcpy(tr, m->aAllowed, sizeof(tr));
  for (l = 0; l < NL; l++) score[l] = tr[NL * NL + l];
  for (l = 0; l < NL; l++) back[l] = 0;
  for (i = 0;;) {
    const int16_t *emit = aEmit + (size_t)i * NL;
    int top = NEG_INF;
    for (l = 0; l < NL; l++) {
      next[l] = score[l] <= NEG_INF ? NEG_INF : score[l] + emit[l];
      if (next[l] > top) top = next[l];
    }
    /* Keep the scores near zero: only their differences matter. */
    for (l = 0; l < NL; l++) score[l] = next[l] <= NEG_INF ? NEG_INF : next[l] - top;
    if (++i == nTok) break;
    for (l = 0; l < NL; l++) {
      int best, arg;
      if (l == AR_LABEL_O || AR_LABEL_IS_B(l)) {
        best = score[0] + tr[l], arg = 0;
        for (p = 1; p < NL; p++) {
          int s = score[p] + tr[p * NL + l];
          if (s > best) best = s, arg = p;
        }
      } else {
        int sb = score[l - 1] + tr[(l - 1) * NL + l], si = score[l] + tr[l * NL + l];
        best = si > sb ? si : sb, arg = si > sb ? l : l - 1;
      }
      back[(size_t)i * NL + l] = (unsigned char)arg;
      next[l] = best;
    }
    memcpy(score, next, sizeof(score));
  }
  {
    int best = NEG_INF, arg = 0;
    for (l = 0; l < NL; l++) {
      if (score[l] > best) best = score[l], arg = l;
    }
    for (i = nTok - 1; i >= 0; i--) {
      aLabel[i] = (unsigned char)arg;
      arg = back[(size_t)i * NL + arg];
    }
  }
}

/* The emissions of a token, less their best (the path only sees their
** differences), in 16 bits: a label more than 32767 below the best is
** never on the best path, transitions being at most 4000. */
static void store_emissions(const int *emit, int16_t *out) {
  int l, top = emit[0];
  for (l = 1; l < NL; l++) {
    if (emit[l] > top) top = emit[l];
  }
  for (l = 0; l < NL; l++) out[l] = (int16_t)(emit[l] - top < -32767 ? -32767 : emit[l] - top);
}

/* Add the document features of the first labels aLabel to the emissions:
** only words of which one mention is a name have any. *pnDoc: how many
** tokens got some. AR_OK or AR_NOMEM. */
static int add_doc_features(const ArNerModel *m, const ArNerText *t, const unsigned char *aLabel, int16_t *aEmit,
                            int *pnDoc) {
  ArHashMap keys;
  int *aCount, nName = 0, i, l, f, rc;
  uint32_t aFeat[AR_NER_MAX_DOC_FEATURES];
  *pnDoc = 0;
  for (i = 0; i < t->nTok; i++) nName += aLabel[i] != AR_LABEL_O && ar_ner_doc_key(t, i);
  if (!nName) return AR_OK;
  rc = ar_hashmap_init(&keys, nName);
  if (rc != AR_OK) return rc;
  aCount = ar_malloc(sizeof(int) * AR_NER_DOC_TYPES * (size_t)nName);
  if (!aCount) {
    ar_hashmap_free(&keys);
    return AR_NOMEM;
  }
  memset(aCount, 0, sizeof(int) * AR_NER_DOC_TYPES * (size_t)nName);
  nName = 0;
  for (i = 0; i < t->nTok; i++) {
    uint32_t key = ar_ner_doc_key(t, i);
    int found, *pv;
    if (aLabel[i] == AR_LABEL_O || !key) continue;
    pv = ar_hashmap_slot(&keys, key, &found);
    if (!found) *pv = nName++;
  }
  for (i = 0; i < t->nTok; i++) {
    uint32_t key = ar_ner_doc_key(t, i);
    const int *pv = key ? ar_hashmap_find(&keys, key) : 0;
    if (pv) aCount[*pv * AR_NER_DOC_TYPES + AR_LABEL_TYPE(aLabel[i])]++;
  }
  for (i = 0; i < t->nTok; i++) {
    uint32_t key = ar_ner_doc_key(t, i);
    const int *pv = key ? ar_hashmap_find(&keys, key) : 0;
    int aOther[AR_NER_DOC_TYPES], nFeat, emit[NL];
    if (!pv) continue;
    memcpy(aOther, aCount + *pv * AR_NER_DOC_TYPES, sizeof(aOther));
    aOther[AR_LABEL_TYPE(aLabel[i])]--;
    nFeat = ar_ner_doc_features(aOther, aFeat);
    if (!nFeat) continue;
    for (l = 0; l < NL; l++) emit[l] = aEmit[(size_t)i * NL + l];
    for (f = 0; f < nFeat; f++) {
      const int16_t *w = weights_of(m, aFeat[f]);
      if (w) add_weights(emit, w);
    }
    store_emissions(emit, aEmit + (size_t)i * NL);
    (*pnDoc)++;
  }
  ar_free(aCount);
  ar_hashmap_free(&keys);
  return AR_OK;
}

int ar_ner_decode(const ArNerModel *m, const ArNerText *t, unsigned char *aLabel) {
  unsigned char *back;
  int16_t *aEmit;
  int i, nDoc, rc;
  if (t->nTok == 0) return AR_OK;
  back = ar_malloc((size_t)t->nTok * NL);
  aEmit = ar_malloc(sizeof(int16_t) * (size_t)t->nTok * NL);
  if (!back || !aEmit) {
    ar_free(back);
    ar_free(aEmit);
    return AR_NOMEM;
  }
  for (i = 0; i < t->nTok; i++) {
    int emit[NL];
    ar_ner_emissions(m, t, i, emit);
    store_emissions(emit, aEmit + (size_t)i * NL);
  }
  viterbi(m, aEmit, t->nTok, back, aLabel);
  rc = add_doc_features(m, t, aLabel, aEmit, &nDoc);
  if (rc == AR_OK && nDoc) viterbi(m, aEmit, t->nTok, back, aLabel);
  ar_free(back);
  ar_free(aEmit);
  return rc;
}
