/*
** train_ner: trains the entity tagger of arabic_entities() and writes it as
** generated C (core/ner/ner_model.c).
**
**   train_ner [-e EPOCHS] [-runs N] [-drop P] [-seed S] [-holdout K] [-doc W [-folds F]] [-groups] [-o OUT.c] TRAIN.conll [MORE.conll ...]
**
** Input: CoNLL files, one 'TOKEN TAG' per line (IOB2; PERS/PER, LOC, ORG,
** MISC/MIS), sentences separated by blank lines. Each sentence is joined
** with spaces and tokenized, folded and annotated by the extension's own
** code (core/ner/ner_text.c, ner_features.c), so training sees exactly what
** arabic_entities() sees. With -holdout K the last K-th of the first file is
** kept out of training and the model is scored on it (entity-level F1 over
** the CoNLL tokens, exact span and type).
**
** The model: an averaged structured perceptron (Viterbi decoding, label
** transitions), trained N times (-runs, default 1) over differently
** shuffled sentences, the mean of the N taken, each feature left out of
** an update with probability P/1000 (-drop, default 0); features seen
** fewer than 2 times are pruned, weights are quantized to 16 bits (the
** largest becomes 4000) and features whose weights are all below -prune W
** (default 1) in size are dropped.
**
** With -doc W the tokens also have document features (ner.h): the first
** labels of the other mentions of the same word in the W sentences either
** side. A training sentence's first labels come from a model (one run)
** trained on the other F-ths of the training sentences (-folds, default 5),
** as a first pass labels text it was not trained on.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/lexicon.h"
#include "../core/ner/ner.h"

#define NL AR_NER_NLABELS

typedef struct Sentence {
  int nTok;          /* CoNLL tokens */
  int *aGold;        /* their labels */
  int nRun;          /* run-time tokens */
  int *aRunGold;     /* their labels */
  int *aRunOf;       /* the CoNLL token of each run-time token */
  int *aFeatOff;     /* nRun + 1 offsets into aFeat */
  int *aFeat;        /* feature indexes (-1: pruned) */
  uint32_t *aHash;   /* feature hashes, before indexing */
  uint32_t *aDocKey; /* ar_ner_doc_key() of each run-time token */
  int *aFirst;       /* the first pass's labels (-doc) */
  int *aDoc;         /* document feature indexes, AR_NER_MAX_DOC_FEATURES per token */
  int *aNDoc;        /* how many of them */
} Sentence;

static int label_of(const char *tag) {
  int type;
  if (!strcmp(tag, "O") || strlen(tag) < 3) return AR_LABEL_O;
  if (!strcmp(tag + 2, "PERS") || !strcmp(tag + 2, "PER")) type = AR_ENT_PERSON;
  else if (!strcmp(tag + 2, "LOC")) type = AR_ENT_LOCATION;
  else if (!strcmp(tag + 2, "ORG")) type = AR_ENT_ORG;
  else type = AR_ENT_MISC;
  return tag[0] == 'B' ? AR_LABEL_B(type) : AR_LABEL_I(type);
}

/* ---- feature index: hash -> index ---- */
static uint32_t *g_hkey;
static int *g_hidx, *g_hcount;
static unsigned g_hmask;
static int g_nFeat;

static int feat_slot(uint32_t key) {
  unsigned j = (key * 2654435761u) & g_hmask;
  while (g_hidx[j] >= 0 && g_hkey[j] != key) j = (j + 1) & g_hmask;
  return (int)j;
}

static Sentence *g_sent;
static int g_nSent, g_nSentAlloc;
static ArNormalizer g_norm;

static void add_sentence(char **aWord, int *aLab, int n) {
  ArNerText t;
  char *z;
  int i, len = 0, pos = 0, r, *aStart;
  uint32_t feats[AR_NER_MAX_FEATURES];
  Sentence *s;
  if (n == 0) return;
  for (i = 0; i < n; i++) len += (int)strlen(aWord[i]) + 1;
  z = malloc((size_t)len + 1);
  aStart = malloc(sizeof(int) * (size_t)(n + 1));
  for (i = 0; i < n; i++) {
    aStart[i] = pos;
    pos += sprintf(z + pos, "%s%s", i ? " " : "", aWord[i]);
    if (i) aStart[i]++;
  }
  aStart[n] = pos + 1;
  if (ar_ner_tokenize(&g_norm, z, pos, &t) || ar_ner_annotate(&t, 0)) {
    fprintf(stderr, "out of memory\n");
    exit(1);
  }
  if (g_nSent == g_nSentAlloc) {
    g_nSentAlloc = g_nSentAlloc ? 2 * g_nSentAlloc : 1024;
    g_sent = realloc(g_sent, sizeof(Sentence) * (size_t)g_nSentAlloc);
  }
  s = &g_sent[g_nSent++];
  memset(s, 0, sizeof(*s));
  s->nTok = n;
  s->aGold = malloc(sizeof(int) * (size_t)n);
  memcpy(s->aGold, aLab, sizeof(int) * (size_t)n);
  s->nRun = t.nTok;
  s->aRunGold = malloc(sizeof(int) * (size_t)(t.nTok + 1));
  s->aRunOf = malloc(sizeof(int) * (size_t)(t.nTok + 1));
  s->aFeatOff = malloc(sizeof(int) * (size_t)(t.nTok + 1));
  s->aHash = malloc(sizeof(uint32_t) * (size_t)(t.nTok * AR_NER_MAX_FEATURES + 1));
  s->aDocKey = malloc(sizeof(uint32_t) * (size_t)(t.nTok + 1));
  s->aFirst = calloc((size_t)t.nTok + 1, sizeof(int));
  s->aDoc = malloc(sizeof(int) * AR_NER_MAX_DOC_FEATURES * (size_t)(t.nTok + 1));
  s->aNDoc = calloc((size_t)t.nTok + 1, sizeof(int));
  s->aFeatOff[0] = 0;
  for (r = 0, i = 0; r < t.nTok; r++) {
    int lab, nf, f;
    while (i + 1 < n && aStart[i + 1] <= t.aTok[r].iByte) i++;
    s->aRunOf[r] = i;
    lab = aLab[i];
    /* A CoNLL token split into several: B on the first piece only. */
    if (AR_LABEL_IS_B(lab) && r > 0 && s->aRunOf[r - 1] == i) lab++;
    s->aRunGold[r] = lab;
    nf = ar_ner_features(&t, r, feats);
    for (f = 0; f < nf; f++) s->aHash[s->aFeatOff[r] + f] = feats[f];
    s->aDocKey[r] = ar_ner_doc_key(&t, r);
    s->aFeatOff[r + 1] = s->aFeatOff[r] + nf;
  }
  ar_ner_text_free(&t);
  free(z);
  free(aStart);
}

/* -groups: is z a plural with the article (المسلمين, والصليبيون, للعلويين)?
** The article ال, after one proclitic و ف ب ل or as لل; then at least three
** letters; then ين or ون (الحسين, with two letters before ين, is not one). */
static int g_groups, g_nGroups, g_fileIndex;
static int group_word(const char *z) {
  static const char al[] = "\xD8\xA7\xD9\x84", lil[] = "\xD9\x84\xD9\x84";
  int n = (int)strlen(z), off = 0;
  if (n >= 6 && ((unsigned char)z[0] == 0xD9 && strchr("\x88\x81\x84", z[1]) && z[1]) && !memcmp(z + 2, al, 4)) off = 6;
  else if (n >= 6 && (unsigned char)z[0] == 0xD8 && (unsigned char)z[1] == 0xA8 && !memcmp(z + 2, al, 4)) off = 6;
  else if (n >= 4 && (!memcmp(z, al, 4) || !memcmp(z, lil, 4))) off = 4;
  if (!off || n - off < 3 * 2 + 4) return 0;
  return !memcmp(z + n - 4, "\xD9\x8A\xD9\x86", 4) || !memcmp(z + n - 4, "\xD9\x88\xD9\x86", 4);
}
static void groups_to_o(char **aWord, int *aLab, int n) {
  int i;
  if (!g_groups || !g_fileIndex) return;
  for (i = 0; i < n; i++) {
    if (aLab[i] == AR_LABEL_B(AR_ENT_PERSON) && (i + 1 == n || aLab[i + 1] != AR_LABEL_I(AR_ENT_PERSON)) &&
        group_word(aWord[i]))
      aLab[i] = AR_LABEL_O, g_nGroups++;
  }
}

static void read_conll(const char *zPath, int aqmar) {
  FILE *f = fopen(zPath, "r");
  char line[4096], *aWord[1024];
  int aLab[1024], n = 0;
  if (!f) {
    perror(zPath);
    exit(1);
  }
  (void)aqmar;
  while (fgets(line, sizeof(line), f)) {
    char *sp, *end = line + strlen(line);
    while (end > line && (end[-1] == '\n' || end[-1] == '\r')) *--end = 0;
    sp = strrchr(line, ' ');
    if (!line[0] || !sp || n == 1024) {
      groups_to_o(aWord, aLab, n);
      add_sentence(aWord, aLab, n);
      while (n > 0) free(aWord[--n]);
      continue;
    }
    *sp = 0;
    aWord[n] = strdup(line);
    aLab[n++] = label_of(sp + 1);
  }
  groups_to_o(aWord, aLab, n);
  add_sentence(aWord, aLab, n);
  while (n > 0) free(aWord[--n]);
  fclose(f);
}

/* ---- perceptron ---- */
static float *W, *U, T[(NL + 1) * NL], TU[(NL + 1) * NL]; /* weights, averaging accumulators */
static long g_step = 1;

/* Feature dropout (-drop P): while training, each feature is left out of
** a sentence's decoding and update with probability P/1000, so that the
** words share the work with letters, shapes and gazetteers. */
static int g_dropPermille, g_useDoc, g_docWindow;
static int dropped(int k) {
  uint32_t h = ((uint32_t)k * 2654435761u) ^ ((uint32_t)g_step * 2246822519u);
  return g_dropPermille && h % 1000u < (uint32_t)g_dropPermille;
}
static void viterbi(const Sentence *s, const float *w, const float *tr, int *out) {
  int i, l, p, *back = malloc(sizeof(int) * (size_t)(s->nRun * NL + 1));
  double score[NL], next[NL];
  for (i = 0; i < s->nRun; i++) {
    double emit[NL] = {0};
    int f;
    for (f = s->aFeatOff[i]; f < s->aFeatOff[i + 1]; f++) {
      if (s->aFeat[f] < 0 || dropped(s->aFeat[f])) continue;
      for (l = 0; l < NL; l++) emit[l] += w[(size_t)s->aFeat[f] * NL + l];
    }
    for (f = 0; f < s->aNDoc[i] * g_useDoc; f++) {
      int k = s->aDoc[i * AR_NER_MAX_DOC_FEATURES + f];
      if (dropped(k)) continue;
      for (l = 0; l < NL; l++) emit[l] += w[(size_t)k * NL + l];
    }
    for (l = 0; l < NL; l++) {
      double best = -1e30;
      int arg = 0, okStart = l == 0 || AR_LABEL_IS_B(l);
      if (i == 0) {
        best = okStart ? tr[NL * NL + l] : -1e30;
      } else {
        for (p = 0; p < NL; p++) {
          int ok = okStart || (p != 0 && AR_LABEL_TYPE(p) == AR_LABEL_TYPE(l));
          double v;
          if (!ok) continue;
          v = score[p] + tr[p * NL + l];
          if (v > best) best = v, arg = p;
        }
      }
      back[i * NL + l] = arg;
      next[l] = best + emit[l];
    }
    memcpy(score, next, sizeof(score));
  }
  {
    double best = -1e31;
    int arg = 0;
    for (l = 0; l < NL; l++) {
      if (score[l] > best) best = score[l], arg = l;
    }
    for (i = s->nRun - 1; i >= 0; i--) {
      out[i] = arg;
      arg = back[i * NL + arg];
    }
  }
  free(back);
}

static void update(const Sentence *s, const int *labels, float delta) {
  int i, f, prev = NL;
  for (i = 0; i < s->nRun; i++) {
    int l = labels[i];
    for (f = s->aFeatOff[i]; f < s->aFeatOff[i + 1]; f++) {
      int k = s->aFeat[f];
      if (k < 0 || dropped(k)) continue;
      W[(size_t)k * NL + l] += delta;
      U[(size_t)k * NL + l] += delta * (float)g_step;
    }
    for (f = 0; f < s->aNDoc[i] * g_useDoc; f++) {
      int k = s->aDoc[i * AR_NER_MAX_DOC_FEATURES + f];
      if (dropped(k)) continue;
      W[(size_t)k * NL + l] += delta;
      U[(size_t)k * NL + l] += delta * (float)g_step;
    }
    T[prev * NL + l] += delta;
    TU[prev * NL + l] += delta * (float)g_step;
    prev = l;
  }
}

/* Entity spans of a label sequence over CoNLL tokens: (start, end, type). */
static int spans(const int *lab, int n, int *aSpan) {
  int i = 0, k = 0;
  while (i < n) {
    int type = AR_LABEL_TYPE(lab[i]), j;
    if (lab[i] == 0 || type == AR_ENT_MISC) {
      i++;
      continue;
    }
    j = i + 1;
    while (j < n && lab[j] == AR_LABEL_I(type)) j++;
    aSpan[k * 3] = i, aSpan[k * 3 + 1] = j, aSpan[k * 3 + 2] = type;
    k++;
    i = j;
  }
  return k;
}

static void evaluate(int from, int to, const float *w, const float *tr) {
  int s, tp[4] = {0}, np[4] = {0}, ng[4] = {0}, ty;
  for (s = from; s < to; s++) {
    Sentence *x = &g_sent[s];
    int *run = malloc(sizeof(int) * (size_t)(x->nRun + 1)), *pred = calloc((size_t)x->nTok, sizeof(int));
    int *sp = malloc(sizeof(int) * 3 * (size_t)(x->nTok + 1)), *sg = malloc(sizeof(int) * 3 * (size_t)(x->nTok + 1));
    int r, a, b, nP, nG;
    viterbi(x, w, tr, run);
    /* Project onto CoNLL tokens: a token takes the label of its first piece. */
    for (r = 0; r < x->nRun; r++) {
      if (r == 0 || x->aRunOf[r - 1] != x->aRunOf[r]) pred[x->aRunOf[r]] = run[r];
    }
    for (r = 0; r < x->nTok; r++) {
      if (pred[r] && !AR_LABEL_IS_B(pred[r]) && (r == 0 || AR_LABEL_TYPE(pred[r - 1]) != AR_LABEL_TYPE(pred[r]) || !pred[r - 1]))
        pred[r]--;
    }
    nP = spans(pred, x->nTok, sp);
    nG = spans(x->aGold, x->nTok, sg);
    for (a = 0; a < nP; a++) np[sp[a * 3 + 2]]++, np[0]++;
    for (b = 0; b < nG; b++) ng[sg[b * 3 + 2]]++, ng[0]++;
    for (a = 0; a < nP; a++)
      for (b = 0; b < nG; b++)
        if (sp[a * 3] == sg[b * 3] && sp[a * 3 + 1] == sg[b * 3 + 1] && sp[a * 3 + 2] == sg[b * 3 + 2])
          tp[sp[a * 3 + 2]]++, tp[0]++;
    free(run), free(pred), free(sp), free(sg);
  }
  for (ty = 0; ty < 4; ty++) {
    double p = np[ty] ? (double)tp[ty] / np[ty] : 0, r = ng[ty] ? (double)tp[ty] / ng[ty] : 0;
    fprintf(stderr, "  %-7s P %.3f R %.3f F1 %.3f (%d gold)\n",
            ty == 0 ? "overall" : ty == 1 ? "PERS" : ty == 2 ? "LOC" : "ORG", p, r,
            p + r > 0 ? 2 * p * r / (p + r) : 0, ng[ty]);
  }
}

/* The averaged perceptron over the sentences aIdx[0..nIdx), -runs times,
** the mean of the runs in avgW, avgT (g_nFeat features). */
static void train(const int *aIdx, int nIdx, int nRuns, int epochs, int seed, int dropPermille, float *avgW,
                  float *avgT) {
  int run, i, e;
  memset(avgW, 0, sizeof(float) * (size_t)g_nFeat * NL);
  memset(avgT, 0, sizeof(float) * (NL + 1) * NL);
  /* Each run shuffles the sentences its own way; the shipped weights are
  ** the mean of the runs' averaged weights, steadier than any one run's. */
  for (run = 0; run < nRuns; run++) {
    int *order = malloc(sizeof(int) * (size_t)(nIdx + 1));
    memset(W, 0, sizeof(float) * (size_t)g_nFeat * NL);
    memset(U, 0, sizeof(float) * (size_t)g_nFeat * NL);
    memset(T, 0, sizeof(T));
    memset(TU, 0, sizeof(TU));
    g_step = 1;
    g_dropPermille = dropPermille;
    srand((unsigned)(seed + run));
    for (i = 0; i < nIdx; i++) order[i] = aIdx[i];
    for (e = 0; e < epochs; e++) {
      int nErr = 0;
      for (i = nIdx - 1; i > 0; i--) {
        int j = rand() % (i + 1), x = order[i];
        order[i] = order[j], order[j] = x;
      }
      for (i = 0; i < nIdx; i++) {
        Sentence *s = &g_sent[order[i]];
        int *pred = malloc(sizeof(int) * (size_t)(s->nRun + 1)), r, diff = 0;
        viterbi(s, W, T, pred);
        for (r = 0; r < s->nRun; r++) diff |= pred[r] != s->aRunGold[r];
        if (diff) {
          update(s, s->aRunGold, 1);
          update(s, pred, -1);
          nErr++;
        }
        g_step++;
        free(pred);
      }
      if (g_useDoc || !g_docWindow) fprintf(stderr, "run %d, epoch %d: %d sentences wrong\n", run + 1, e + 1, nErr);
    }
    free(order);
    g_dropPermille = 0;
    for (i = 0; i < g_nFeat * NL; i++) avgW[i] += (W[i] - U[i] / (float)g_step) / (float)nRuns;
    for (i = 0; i < (NL + 1) * NL; i++) avgT[i] += (T[i] - TU[i] / (float)g_step) / (float)nRuns;
  }
}

/* The index of feature key, added (kept whatever its count) if new. */
static int doc_feature_index(uint32_t key) {
  int j = feat_slot(key);
  if (g_hidx[j] < 0) g_hidx[j] = g_nFeat++, g_hkey[j] = key;
  return g_hidx[j];
}

/* The document features of the sentences [from, to), from the first labels
** of the sentences within g_docWindow of each in [lo, hi) (an article, as
** far as the CoNLL files tell: they keep its sentences in order), as
** ar_ner_decode() makes them from the first labels of the text. */
static void doc_features(int from, int to, int lo, int hi) {
  int s, r, a, q, type;
  for (s = from; s < to; s++) {
    Sentence *x = &g_sent[s];
    int wlo = s - g_docWindow < lo ? lo : s - g_docWindow, whi = s + g_docWindow + 1 > hi ? hi : s + g_docWindow + 1;
    for (r = 0; r < x->nRun; r++) {
      int aAll[AR_NER_DOC_TYPES] = {0}, name = 0, nf;
      uint32_t feats[AR_NER_MAX_DOC_FEATURES];
      x->aNDoc[r] = 0;
      if (!x->aDocKey[r]) continue;
      for (a = wlo; a < whi; a++) {
        Sentence *y = &g_sent[a];
        for (q = 0; q < y->nRun; q++) {
          if (y->aDocKey[q] != x->aDocKey[r]) continue;
          type = AR_LABEL_TYPE(y->aFirst[q]);
          aAll[type]++;
          name |= type != AR_ENT_NONE;
        }
      }
      if (!name) continue;
      aAll[AR_LABEL_TYPE(x->aFirst[r])]--;
      nf = ar_ner_doc_features(aAll, feats);
      for (a = 0; a < nf; a++) x->aDoc[r * AR_NER_MAX_DOC_FEATURES + a] = doc_feature_index(feats[a]);
      x->aNDoc[r] = nf;
    }
  }
}

/* First labels of the sentences [from, to) under the weights w, tr. */
static void first_labels(int from, int to, const float *w, const float *tr) {
  int s;
  for (s = from; s < to; s++) viterbi(&g_sent[s], w, tr, g_sent[s].aFirst);
}

static int cmp_key(const void *a, const void *b) {
  uint32_t x = *(const uint32_t *)a, y = *(const uint32_t *)b;
  return x < y ? -1 : x > y;
}

int main(int argc, char **argv) {
  const char *zOut = "core/ner/ner_model.c";
  const char *azMore[16];
  int nMore = 0;
  int epochs = 10, nRuns = 1, dropPermille = 0, seed = 1, holdout = 0, i, nTrainEnd, nFirst = -1, minCount = 2, minWeight = 1;
  int nFolds = 5, nBase, *aIdx;
  unsigned size = 1 << 22;
  float *avgW, *avgT, scale, maxAbs = 0;
  FILE *out;
  ar_normalizer_init(&g_norm, AR_FOLD_DEFAULT);
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-e") && i + 1 < argc) epochs = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-runs") && i + 1 < argc) nRuns = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-drop") && i + 1 < argc) dropPermille = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-seed") && i + 1 < argc) seed = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-holdout") && i + 1 < argc) holdout = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-min") && i + 1 < argc) minCount = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-prune") && i + 1 < argc) minWeight = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) zOut = argv[++i];
    else if (!strcmp(argv[i], "-groups")) g_groups = 1;
    else if (!strcmp(argv[i], "-doc") && i + 1 < argc) g_docWindow = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-folds") && i + 1 < argc) nFolds = atoi(argv[++i]);
    else {
      g_fileIndex = nFirst >= 0;
      if (g_fileIndex && nMore < 16) azMore[nMore++] = argv[i];
      read_conll(argv[i], 0);
      if (nFirst < 0) nFirst = g_nSent;
    }
  }
  if (nFirst <= 0) {
    fprintf(stderr, "usage: train_ner [-e EPOCHS] [-runs N] [-drop P] [-seed S] [-holdout K] [-min COUNT] [-prune W] [-doc W [-folds F]] [-groups] [-o OUT.c] TRAIN.conll ...\n");
    return 2;
  }
  /* Held-out sentences go to the end, out of training. */
  nTrainEnd = g_nSent;
  if (holdout > 0) {
    int nHold = nFirst / holdout, start = nFirst - nHold;
    Sentence *tmp = malloc(sizeof(Sentence) * (size_t)nHold);
    memcpy(tmp, g_sent + start, sizeof(Sentence) * (size_t)nHold);
    memmove(g_sent + start, g_sent + nFirst, sizeof(Sentence) * (size_t)(g_nSent - nFirst));
    memcpy(g_sent + g_nSent - nHold, tmp, sizeof(Sentence) * (size_t)nHold);
    free(tmp);
    nTrainEnd = g_nSent - nHold;
  }
  /* Count features over the training part, keep the frequent ones. */
  g_hkey = malloc(size * sizeof(uint32_t));
  g_hidx = malloc(size * sizeof(int));
  g_hcount = calloc(size, sizeof(int));
  memset(g_hidx, 0xFF, size * sizeof(int));
  g_hmask = size - 1;
  for (i = 0; i < nTrainEnd; i++) {
    Sentence *s = &g_sent[i];
    int f;
    for (f = 0; f < s->aFeatOff[s->nRun]; f++) {
      int j = feat_slot(s->aHash[f]);
      if (g_hidx[j] < 0) g_hidx[j] = 0, g_hkey[j] = s->aHash[f];
      g_hcount[j]++;
    }
  }
  for (i = 0; i < (int)size; i++) {
    if (g_hidx[i] >= 0) g_hidx[i] = g_hcount[i] >= minCount ? g_nFeat++ : -2;
  }
  for (i = 0; i < g_nSent; i++) {
    Sentence *s = &g_sent[i];
    int f;
    s->aFeat = malloc(sizeof(int) * (size_t)(s->aFeatOff[s->nRun] + 1));
    for (f = 0; f < s->aFeatOff[s->nRun]; f++) {
      int j = feat_slot(s->aHash[f]);
      s->aFeat[f] = g_hidx[j] >= 0 ? g_hidx[j] : -1;
    }
  }
  nBase = g_nFeat;
  fprintf(stderr, "%d sentences (%d for training), %d features", g_nSent, nTrainEnd, g_nFeat);
  if (g_groups) fprintf(stderr, ", %d groups of people read as O", g_nGroups);
  fprintf(stderr, "\n");
  /* Room for the document features, indexed as they are met. */
  W = malloc(sizeof(float) * (size_t)(g_nFeat + 64) * NL);
  U = malloc(sizeof(float) * (size_t)(g_nFeat + 64) * NL);
  avgW = calloc((size_t)(g_nFeat + 64) * NL, sizeof(float));
  avgT = calloc((NL + 1) * NL, sizeof(float));
  aIdx = malloc(sizeof(int) * (size_t)(nTrainEnd + 1));
  if (g_docWindow > 0) {
    /* The first labels of each fold of the training sentences come from a
    ** model trained on the other folds: what a first pass gives on text it
    ** was not trained on. The held-out sentences get theirs from a model of
    ** all the training sentences. */
    int fold, nIdx;
    for (fold = 0; fold <= nFolds; fold++) {
      int lo = fold < nFolds ? (int)((long)nTrainEnd * fold / nFolds) : nTrainEnd;
      int hi = fold < nFolds ? (int)((long)nTrainEnd * (fold + 1) / nFolds) : g_nSent;
      if (lo == hi) continue;
      for (nIdx = 0, i = 0; i < nTrainEnd; i++) {
        if (i < lo || i >= hi) aIdx[nIdx++] = i;
      }
      train(aIdx, nIdx, 1, epochs, seed + 1000 + fold, dropPermille, avgW, avgT);
      first_labels(lo, hi, avgW, avgT);
    }
    doc_features(0, nTrainEnd, 0, nTrainEnd);
    doc_features(nTrainEnd, g_nSent, nTrainEnd, g_nSent);
    g_useDoc = 1;
    fprintf(stderr, "%d document features (window %d sentences, %d folds)\n", g_nFeat - nBase, g_docWindow, nFolds);
  }
  for (i = 0; i < nTrainEnd; i++) aIdx[i] = i;
  train(aIdx, nTrainEnd, nRuns, epochs, seed, dropPermille, avgW, avgT);
  /* Quantize: the largest weight becomes 4000, leaving room for sums. */
  for (i = 0; i < g_nFeat * NL; i++) maxAbs = fmaxf(maxAbs, fabsf(avgW[i]));
  for (i = 0; i < (NL + 1) * NL; i++) maxAbs = fmaxf(maxAbs, fabsf(avgT[i]));
  scale = maxAbs > 0 ? 4000.0f / maxAbs : 1;
  {
    uint32_t *keys = malloc(sizeof(uint32_t) * 2 * (size_t)g_nFeat);
    int16_t *wq, tq[(NL + 1) * NL];
    int nKeep = 0, j, l;
    ArNerModelData d;
    for (j = 0; j < (int)size; j++) {
      int k = g_hidx[j], keep = 0;
      if (k < 0) continue;
      for (l = 0; l < NL; l++) keep |= abs((int)lrintf(avgW[(size_t)k * NL + l] * scale)) >= minWeight;
      /* What is not kept is what the shipped model does not know. */
      for (l = 0; l < NL; l++) avgW[(size_t)k * NL + l] = keep ? lrintf(avgW[(size_t)k * NL + l] * scale) : 0;
      if (keep) keys[2 * nKeep] = g_hkey[j], keys[2 * nKeep + 1] = (uint32_t)k, nKeep++;
    }
    qsort(keys, (size_t)nKeep, 2 * sizeof(uint32_t), cmp_key);
    wq = malloc(sizeof(int16_t) * (size_t)nKeep * NL);
    for (j = 0; j < nKeep; j++) {
      int k = (int)keys[2 * j + 1];
      keys[j] = keys[2 * j];
      for (l = 0; l < NL; l++) wq[(size_t)j * NL + l] = (int16_t)avgW[(size_t)k * NL + l];
    }
    for (i = 0; i < (NL + 1) * NL; i++) tq[i] = (int16_t)lrintf(avgT[i] * scale);
    for (i = 0; i < (NL + 1) * NL; i++) avgT[i] = tq[i];
    if (holdout > 0) {
      fprintf(stderr, "held out (last 1/%d of the first file), shipped weights, model labels on CoNLL tokens:\n",
              holdout);
      evaluate(nTrainEnd, g_nSent, avgW, avgT);
    }
    d.magic = AR_NER_MODEL_MAGIC;
    d.featuresVersion = AR_NER_FEATURES_VERSION;
    d.nLabels = NL;
    d.nFeat = nKeep;
    d.aKey = keys;
    d.aWeight = wq;
    d.aTrans = tq;
    d.checksum = ar_ner_model_checksum(&d);
    d.lexiconChecksum = ar_lexicon_data.checksum;
    out = fopen(zOut, "w");
    if (!out) {
      perror(zOut);
      return 1;
    }
    fprintf(out,
            "/*\n** The entity tagger's model, generated by tools/train_ner.c (make train):\n"
            "** an averaged perceptron over hashed features (core/ner/ner_features.c),\n"
            "** trained on ANERcorp (Benajiba et al. 2007; CAMeL Lab split of Obeid et al.\n"
            "** 2020), CC BY-SA 4.0, with the word classes of core/lexicon_data.c.\n");
    for (i = 0; i < nMore; i++) {
      const char *b = strrchr(azMore[i], '/');
      fprintf(out, "** Also trained on %s%s (its licence applies too).\n", b ? b + 1 : azMore[i],
              g_groups ? ", groups of people read as O (-groups)" : "");
    }
    fprintf(out, "** %d features, %d labels. Do not edit.\n*/\n#include \"ner.h\"\n\n", nKeep, NL);
    fprintf(out, "static const uint32_t aKey[%d] = {", nKeep ? nKeep : 1);
    for (j = 0; j < nKeep; j++) fprintf(out, "%s%u", j == 0 ? "\n" : j % 10 ? "," : ",\n", keys[j]);
    if (!nKeep) fprintf(out, "0");
    fprintf(out, "};\n\nstatic const int16_t aWeight[%d] = {", nKeep ? nKeep * NL : 1);
    for (j = 0; j < nKeep * NL; j++) fprintf(out, "%s%d", j == 0 ? "\n" : j % 18 ? "," : ",\n", wq[j]);
    if (!nKeep) fprintf(out, "0");
    fprintf(out, "};\n\nstatic const int16_t aTrans[%d] = {", (NL + 1) * NL);
    for (j = 0; j < (NL + 1) * NL; j++) fprintf(out, "%s%d", j == 0 ? "\n" : j % NL ? "," : ",\n", tq[j]);
    fprintf(out,
            "};\n\nconst ArNerModelData ar_ner_model_data = {0x%08Xu, %d, %d, %d, aKey, aWeight, aTrans, "
            "0x%08Xu, 0x%08Xu};\n",
            d.magic, d.featuresVersion, NL, nKeep, d.checksum, d.lexiconChecksum);
    fclose(out);
    fprintf(stderr, "wrote %s: %d features (scale %.1f)\n", zOut, nKeep, scale);
  }
  return 0;
}
