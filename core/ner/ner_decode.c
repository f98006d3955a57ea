/*
** The tagging model of arabic_entities(): checking and indexing its data,
** and Viterbi decoding (ner.h). The weights are a linear model (averaged
** perceptron, tools/train_ner.c) over hashed features and label
** transitions; the best label sequence is found by Viterbi in time linear in
** the number of tokens, with I-X allowed only after B-X or I-X.
*/
#include <string.h>

#include "../alloc.h"
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
  if (!m->aSlot || !m->aBloom) {
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
  for (i = 0; i < (NL + 1) * NL; i++) {
    int prev = i / NL, cur = i % NL;
    m->aAllowed[i] = allowed(prev, cur) ? d->aTrans[i] : NEG_INF;
  }
  m->nFeat = d->nFeat;
  m->aKey = d->aKey;
  m->aWeight = d->aWeight;
  m->aTrans = d->aTrans;
  return AR_OK;
}

void ar_ner_model_close(ArNerModel *m) {
  ar_free(m->aSlot);
  ar_free(m->aBloom);
  memset(m, 0, sizeof(*m));
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
  int nFeat = ar_ner_features(t, i, aFeat), f;
  memset(aEmit, 0, NL * sizeof(int));
  for (f = 0; f < nFeat; f++) {
    const int16_t *w = weights_of(m, aFeat[f]);
    if (w) add_weights(aEmit, w);
  }
  return AR_OK;
}

int ar_ner_decode(const ArNerModel *m, const ArNerText *t, unsigned char *aLabel) {
  unsigned char *back;
  int score[NL], next[NL], i, l, p;
  if (t->nTok == 0) return AR_OK;
  back = ar_malloc((size_t)t->nTok * NL);
  if (!back) return AR_NOMEM;
  for (i = 0; i < t->nTok; i++) {
    int emit[NL];
    ar_ner_emissions(m, t, i, emit);
    for (l = 0; l < NL; l++) {
      int best = NEG_INF, arg = 0;
      if (i == 0) {
        best = m->aAllowed[NL * NL + l];
      } else if (AR_LABEL_IS_B(l) || l == AR_LABEL_O) {
        for (p = 0; p < NL; p++) {
          int s = score[p] + m->aAllowed[p * NL + l];
          if (s > best) best = s, arg = p;
        }
      } else {
        /* I-X follows only B-X (l - 1) or I-X: the other sums are below NEG_INF */
        for (p = l - 1; p <= l; p++) {
          int s = score[p] + m->aAllowed[p * NL + l];
          if (s > best) best = s, arg = p;
        }
      }
      back[(size_t)i * NL + l] = (unsigned char)arg;
      next[l] = best <= NEG_INF ? NEG_INF : best + emit[l];
    }
    /* Keep the scores near zero: only their differences matter. */
    {
      int top = NEG_INF;
      for (l = 0; l < NL; l++) {
        if (next[l] > top) top = next[l];
      }
      for (l = 0; l < NL; l++) score[l] = next[l] <= NEG_INF ? NEG_INF : next[l] - top;
    }
  }
  {
    int best = NEG_INF, arg = 0;
    for (l = 0; l < NL; l++) {
      if (score[l] > best) best = score[l], arg = l;
    }
    for (i = t->nTok - 1; i >= 0; i--) {
      aLabel[i] = (unsigned char)arg;
      arg = back[(size_t)i * NL + arg];
    }
  }
  ar_free(back);
  return AR_OK;
}
