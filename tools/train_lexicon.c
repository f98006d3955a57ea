/*
** train_lexicon: learns word classes from unlabeled text and writes the
** shipped lexicon (core/lexicon_data.c): every word seen often enough, its
** count, a fine class and a coarse class.
**
**   train_lexicon [-classes C] [-coarse K] [-min COUNT] [-iter N] [-o OUT.c] [-words OUT.tsv] [FILE ...]
**
** Input: UTF-8 text (stdin when no FILE, or "-"), one article or sentence a
** line; a line starting with '<' is markup (TREC-like files), except that
** the text between <TITLE> and </TITLE> is kept and <ABSTRACT> blocks are
** skipped (they repeat the text). Words are the segmenter's (core/segment.h)
** with the default folds, and each punctuation mark is a word too, exactly
** as arabic_entities() reads text.
**
** The classes: the exchange algorithm on a class bigram model (Kneser and
** Ney 1993; Martin, Liermann and Ney 1998). Words seen at least COUNT times
** (default 3) start in classes by frequency rank (rank modulo C); each pass
** moves every word, most frequent first, to the class that most increases
**   sum over class pairs of N(a,b) log N(a,b) - 2 sum over classes of N(a) log N(a),
** the likelihood of the text under the model. Rarer words and the ends of
** lines each have one class of their own that never moves. The coarse
** classes are the same algorithm run on the fine classes as words. All
** counts are integers and words are visited in a fixed order, so a run
** on the same text gives the same table byte for byte. -words also writes
** the table as text (word, class, coarse class, count; one word a line) to
** look at.
*/
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/alloc.h"
#include "../core/lexicon.h"
#include "../core/segment.h"
#include "../core/utf8.h"

/* ---- vocabulary: folded word -> id ---- */
typedef struct Word {
  char *z;
  long count;
} Word;

static Word *g_word;
static int g_nWord, g_nWordAlloc;
static int *g_slot; /* word id + 1, 0: empty */
static unsigned g_slotMask;

static unsigned str_hash(const char *z, int n) { return ar_lexicon_hash(z, n); }

static int word_id(const char *z, int n) {
  unsigned j;
  if ((unsigned)g_nWord * 2 >= g_slotMask) {
    unsigned size = (g_slotMask + 1) * 2, i;
    int *slot = calloc(size, sizeof(int));
    for (i = 0; i <= g_slotMask; i++) {
      if (g_slot[i]) {
        const Word *w = &g_word[g_slot[i] - 1];
        j = str_hash(w->z, (int)strlen(w->z)) & (size - 1);
        while (slot[j]) j = (j + 1) & (size - 1);
        slot[j] = g_slot[i];
      }
    }
    free(g_slot);
    g_slot = slot;
    g_slotMask = size - 1;
  }
  for (j = str_hash(z, n) & g_slotMask; g_slot[j]; j = (j + 1) & g_slotMask) {
    const Word *w = &g_word[g_slot[j] - 1];
    if ((int)strlen(w->z) == n && memcmp(w->z, z, (size_t)n) == 0) return g_slot[j] - 1;
  }
  if (g_nWord == g_nWordAlloc) {
    g_nWordAlloc = g_nWordAlloc ? 2 * g_nWordAlloc : 65536;
    g_word = realloc(g_word, sizeof(Word) * (size_t)g_nWordAlloc);
  }
  g_word[g_nWord].z = malloc((size_t)n + 1);
  memcpy(g_word[g_nWord].z, z, (size_t)n);
  g_word[g_nWord].z[n] = 0;
  g_word[g_nWord].count = 0;
  g_slot[j] = g_nWord + 1;
  return g_nWord++;
}

/* ---- the text as word ids, -1 between lines ---- */
static int *g_text;
static long g_nText, g_nTextAlloc;

static void push_text(int id) {
  if (g_nText == g_nTextAlloc) {
    g_nTextAlloc = g_nTextAlloc ? 2 * g_nTextAlloc : (1 << 20);
    g_text = realloc(g_text, sizeof(int) * (size_t)g_nTextAlloc);
  }
  g_text[g_nText++] = id;
}

static ArNormalizer g_norm;

static void read_line(const char *z, int n) {
  ArSegmenter seg;
  ArWord w;
  int kind, any = 0;
  ar_segmenter_init(&seg, &g_norm, z, n, AR_SEG_MARKS);
  while ((kind = ar_segment_next(&seg, &w)) != AR_SEG_END) {
    int nb = 0;
    char zb[8];
    const char *zw = w.z;
    if (kind == AR_SEG_WORD) {
      if (w.n == 0) continue;
      nb = w.off[w.n];
    } else {
      nb = (int)(ar_utf8_encode(w.cp[0], (unsigned char *)zb));
      zw = zb;
    }
    {
      int id = word_id(zw, nb);
      g_word[id].count++;
      push_text(id);
      any = 1;
    }
  }
  if (any) push_text(-1);
}

static void read_file(FILE *f) {
  static char line[1 << 20];
  int inAbstract = 0;
  while (fgets(line, sizeof(line), f)) {
    int n = (int)strlen(line);
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r')) line[--n] = 0;
    if (line[0] == '<') {
      if (!strncmp(line, "<ABSTRACT>", 10)) inAbstract = 1;
      if (strstr(line, "</ABSTRACT>")) inAbstract = 0;
      if (!strncmp(line, "<TITLE>", 7)) {
        char *zEnd = strstr(line, "</TITLE>");
        if (zEnd) read_line(line + 7, (int)(zEnd - line - 7));
      }
      continue;
    }
    if (strstr(line, "</ABSTRACT>")) {
      inAbstract = 0;
      continue;
    }
    if (!inAbstract) read_line(line, n);
  }
}

/* ---- the exchange algorithm ---- */

/* x log x, from a table for small counts. */
#define FTAB 1048576
static double *g_ftab;
static double flog(long x) { return x < FTAB ? g_ftab[x] : (double)x * log((double)x); }

/* A bigram graph over items 0..n-1: right and left neighbours with counts. */
typedef struct Graph {
  int n;
  long *count;            /* per item */
  long *rOff, *lOff;      /* n + 1 offsets */
  int *rTo, *lTo;         /* neighbour */
  long *rCnt, *lCnt;      /* bigram count */
} Graph;

typedef struct PairCount {
  uint64_t key; /* a << 32 | b, +1; 0: empty */
  long n;
} PairCount;

static int cmp_pair(const void *x, const void *y) {
  uint64_t a = ((const PairCount *)x)->key, b = ((const PairCount *)y)->key;
  return a < b ? -1 : a > b;
}
static int cmp_pair_rev(const void *x, const void *y) {
  uint64_t a = ((const PairCount *)x)->key, b = ((const PairCount *)y)->key;
  a = (a << 32) | (a >> 32);
  b = (b << 32) | (b >> 32);
  return a < b ? -1 : a > b;
}

/* Build the graph from (a, b, n) pairs (a table of pairs, not all slots used). */
static void graph_build(Graph *g, int n, PairCount *pairs, long nPairs, const long *count) {
  long i, k = 0;
  g->n = n;
  g->count = malloc(sizeof(long) * (size_t)n);
  memcpy(g->count, count, sizeof(long) * (size_t)n);
  for (i = 0; i < nPairs; i++) {
    if (pairs[i].key) pairs[k++] = pairs[i];
  }
  nPairs = k;
  g->rOff = calloc((size_t)n + 1, sizeof(long));
  g->lOff = calloc((size_t)n + 1, sizeof(long));
  g->rTo = malloc(sizeof(int) * (size_t)(nPairs + 1));
  g->lTo = malloc(sizeof(int) * (size_t)(nPairs + 1));
  g->rCnt = malloc(sizeof(long) * (size_t)(nPairs + 1));
  g->lCnt = malloc(sizeof(long) * (size_t)(nPairs + 1));
  for (i = 0; i < nPairs; i++) pairs[i].key--;
  qsort(pairs, (size_t)nPairs, sizeof(PairCount), cmp_pair);
  for (i = 0; i < nPairs; i++) {
    g->rOff[(pairs[i].key >> 32) + 1]++;
    g->rTo[i] = (int)(pairs[i].key & 0xFFFFFFFFu);
    g->rCnt[i] = pairs[i].n;
  }
  qsort(pairs, (size_t)nPairs, sizeof(PairCount), cmp_pair_rev);
  for (i = 0; i < nPairs; i++) {
    g->lOff[(pairs[i].key & 0xFFFFFFFFu) + 1]++;
    g->lTo[i] = (int)(pairs[i].key >> 32);
    g->lCnt[i] = pairs[i].n;
  }
  for (i = 0; i < n; i++) g->rOff[i + 1] += g->rOff[i], g->lOff[i + 1] += g->lOff[i];
}

static PairCount *g_pairs;
static unsigned long g_pairMask;
static long g_nPairs;

static void pair_add(int a, int b, long n) {
  uint64_t key = (((uint64_t)(unsigned)a << 32) | (unsigned)b) + 1;
  unsigned long j;
  if ((unsigned long)g_nPairs * 2 >= g_pairMask) {
    unsigned long size = (g_pairMask + 1) * 2, i;
    PairCount *p = calloc(size, sizeof(PairCount));
    for (i = 0; i <= g_pairMask; i++) {
      if (g_pairs[i].key) {
        j = (unsigned long)((g_pairs[i].key * 0x9E3779B97F4A7C15ull) >> 20) & (size - 1);
        while (p[j].key) j = (j + 1) & (size - 1);
        p[j] = g_pairs[i];
      }
    }
    free(g_pairs);
    g_pairs = p;
    g_pairMask = size - 1;
  }
  for (j = (unsigned long)((key * 0x9E3779B97F4A7C15ull) >> 20) & g_pairMask; g_pairs[j].key;
       j = (j + 1) & g_pairMask) {
    if (g_pairs[j].key == key) {
      g_pairs[j].n += n;
      return;
    }
  }
  g_pairs[j].key = key;
  g_pairs[j].n = n;
  g_nPairs++;
}

static void pairs_reset(void) {
  free(g_pairs);
  g_pairMask = (1u << 16) - 1;
  g_pairs = calloc(g_pairMask + 1, sizeof(PairCount));
  g_nPairs = 0;
}

/* Cluster items [0, nMove) of g into C classes; items from nMove on keep
** the fixed classes C, C+1 ... in cls. Items are in decreasing count. */
static void exchange(const Graph *g, int nMove, int C, int *cls, int iters) {
  int K = C + (g->n - nMove), w, it, c;
  long *M = calloc((size_t)K * K, sizeof(long)), *N = calloc((size_t)K, sizeof(long));
  long *wr = calloc((size_t)K, sizeof(long)), *wl = calloc((size_t)K, sizeof(long));
  int *tr = malloc(sizeof(int) * (size_t)K), *tl = malloc(sizeof(int) * (size_t)K);
  long i;
  for (w = 0; w < nMove; w++) cls[w] = w % C;
  for (w = nMove; w < g->n; w++) cls[w] = C + (w - nMove);
  for (w = 0; w < g->n; w++) {
    N[cls[w]] += g->count[w];
    for (i = g->rOff[w]; i < g->rOff[w + 1]; i++) M[(size_t)cls[w] * K + cls[g->rTo[i]]] += g->rCnt[i];
  }
  for (it = 0; it < iters; it++) {
    int moved = 0;
    for (w = 0; w < nMove; w++) {
      int ntr = 0, ntl = 0, a = cls[w], best, k;
      long self = 0;
      double bestGain;
      for (i = g->rOff[w]; i < g->rOff[w + 1]; i++) {
        int v = g->rTo[i], cv;
        if (v == w) {
          self = g->rCnt[i];
          continue;
        }
        cv = cls[v];
        if (!wr[cv]) tr[ntr++] = cv;
        wr[cv] += g->rCnt[i];
      }
      for (i = g->lOff[w]; i < g->lOff[w + 1]; i++) {
        int v = g->lTo[i], cv;
        if (v == w) continue;
        cv = cls[v];
        if (!wl[cv]) tl[ntl++] = cv;
        wl[cv] += g->lCnt[i];
      }
      /* Take w out of its class. */
      for (k = 0; k < ntr; k++) M[(size_t)a * K + tr[k]] -= wr[tr[k]];
      for (k = 0; k < ntl; k++) M[(size_t)tl[k] * K + a] -= wl[tl[k]];
      M[(size_t)a * K + a] -= self;
      N[a] -= g->count[w];
      /* The gain of putting it into each class; its own class first, so
      ** that a tie keeps it there. */
      best = a;
      bestGain = -1e300;
      for (c = -1; c < C; c++) {
        int b = c < 0 ? a : c;
        double d = 0;
        long bb;
        if (c == a) continue;
        for (k = 0; k < ntr; k++) {
          long m = M[(size_t)b * K + tr[k]];
          if (tr[k] != b) d += flog(m + wr[tr[k]]) - flog(m);
        }
        for (k = 0; k < ntl; k++) {
          long m = M[(size_t)tl[k] * K + b];
          if (tl[k] != b) d += flog(m + wl[tl[k]]) - flog(m);
        }
        bb = wr[b] + wl[b] + self;
        d += flog(M[(size_t)b * K + b] + bb) - flog(M[(size_t)b * K + b]);
        d -= 2 * (flog(N[b] + g->count[w]) - flog(N[b]));
        if (d > bestGain + 1e-9) bestGain = d, best = b;
      }
      for (k = 0; k < ntr; k++) M[(size_t)best * K + tr[k]] += wr[tr[k]];
      for (k = 0; k < ntl; k++) M[(size_t)tl[k] * K + best] += wl[tl[k]];
      M[(size_t)best * K + best] += self;
      N[best] += g->count[w];
      if (best != a) moved++;
      cls[w] = best;
      for (k = 0; k < ntr; k++) wr[tr[k]] = 0;
      for (k = 0; k < ntl; k++) wl[tl[k]] = 0;
    }
    {
      double ll = 0;
      for (i = 0; i < (long)K * K; i++) ll += flog(M[i]);
      for (c = 0; c < K; c++) ll -= 2 * flog(N[c]);
      fprintf(stderr, "  %d classes, pass %d: %d words moved, log-likelihood %.6e\n", C, it + 1, moved, ll);
    }
    if (moved == 0) break;
  }
  free(M), free(N), free(wr), free(wl), free(tr), free(tl);
}

static int cmp_count_desc(const void *x, const void *y) {
  const Word *a = &g_word[*(const int *)x], *b = &g_word[*(const int *)y];
  if (a->count != b->count) return a->count > b->count ? -1 : 1;
  return strcmp(a->z, b->z);
}

static const long *g_classCount;
static int cmp_class_desc(const void *x, const void *y) {
  int a = *(const int *)x, b = *(const int *)y;
  if (g_classCount[a] != g_classCount[b]) return g_classCount[a] > g_classCount[b] ? -1 : 1;
  return a - b;
}

int main(int argc, char **argv) {
  const char *zOut = "core/lexicon_data.c", *zWords = 0;
  int C = 512, Kc = 64, minCount = 3, iters = 12, i, nFiles = 0, nKept, *order, *rank, *cls, *coarse;
  long t, *count;
  Graph g, gc;
  FILE *out;
  ar_normalizer_init(&g_norm, AR_FOLD_DEFAULT);
  g_slotMask = (1u << 16) - 1;
  g_slot = calloc(g_slotMask + 1, sizeof(int));
  for (i = 1; i < argc; i++) {
    if (!strcmp(argv[i], "-classes") && i + 1 < argc) C = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-coarse") && i + 1 < argc) Kc = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-min") && i + 1 < argc) minCount = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-iter") && i + 1 < argc) iters = atoi(argv[++i]);
    else if (!strcmp(argv[i], "-o") && i + 1 < argc) zOut = argv[++i];
    else if (!strcmp(argv[i], "-words") && i + 1 < argc) zWords = argv[++i];
    else {
      FILE *f = strcmp(argv[i], "-") ? fopen(argv[i], "r") : stdin;
      if (!f) {
        perror(argv[i]);
        return 1;
      }
      read_file(f);
      if (f != stdin) fclose(f);
      nFiles++;
    }
  }
  if (!nFiles) read_file(stdin);
  if (C < 2 || C > AR_LEXICON_MAX_CLASSES || Kc < 2 || Kc > C || Kc > AR_LEXICON_MAX_COARSE) {
    fprintf(stderr, "train_lexicon: -classes must be 2..%d and -coarse 2..min(classes, %d)\n",
            AR_LEXICON_MAX_CLASSES, AR_LEXICON_MAX_COARSE);
    return 2;
  }
  g_ftab = malloc(sizeof(double) * FTAB);
  g_ftab[0] = 0;
  for (i = 1; i < FTAB; i++) g_ftab[i] = (double)i * log((double)i);

  /* Items: kept words by decreasing count, then "rare" and "line end". */
  order = malloc(sizeof(int) * (size_t)g_nWord);
  for (i = 0; i < g_nWord; i++) order[i] = i;
  qsort(order, (size_t)g_nWord, sizeof(int), cmp_count_desc);
  for (nKept = 0; nKept < g_nWord && g_word[order[nKept]].count >= minCount; nKept++) {
  }
  rank = malloc(sizeof(int) * (size_t)g_nWord);
  for (i = 0; i < g_nWord; i++) rank[order[i]] = i < nKept ? i : nKept;
  fprintf(stderr, "%ld tokens, %d distinct words, %d seen at least %d times\n", g_nText, g_nWord, nKept,
          minCount);
  count = calloc((size_t)nKept + 2, sizeof(long));
  pairs_reset();
  {
    int prev = nKept + 1;
    for (t = 0; t < g_nText; t++) {
      int cur = g_text[t] < 0 ? nKept + 1 : rank[g_text[t]];
      count[cur]++;
      if (!(g_text[t] < 0 && prev == nKept + 1)) pair_add(prev, cur, 1);
      prev = cur;
    }
  }
  graph_build(&g, nKept + 2, g_pairs, (long)g_pairMask + 1, count);
  cls = malloc(sizeof(int) * (size_t)(nKept + 2));
  exchange(&g, nKept, C, cls, iters);

  /* Coarse classes: the fine classes as words, most frequent first. */
  {
    long *ccount = calloc((size_t)C + 2, sizeof(long));
    int *corder = malloc(sizeof(int) * (size_t)(C + 2)), *crank = malloc(sizeof(int) * (size_t)(C + 2));
    int *ccls = malloc(sizeof(int) * (size_t)(C + 2));
    long *cc = calloc((size_t)C + 2, sizeof(long));
    for (i = 0; i < nKept + 2; i++) ccount[cls[i]] += count[i];
    for (i = 0; i < C; i++) corder[i] = i;
    g_classCount = ccount;
    qsort(corder, (size_t)C, sizeof(int), cmp_class_desc);
    for (i = 0; i < C; i++) crank[corder[i]] = i;
    crank[C] = C, crank[C + 1] = C + 1;
    pairs_reset();
    for (i = 0; i < nKept + 2; i++) {
      long k;
      for (k = g.rOff[i]; k < g.rOff[i + 1]; k++) pair_add(crank[cls[i]], crank[cls[g.rTo[k]]], g.rCnt[k]);
    }
    for (i = 0; i < C + 2; i++) cc[crank[i]] = ccount[i];
    graph_build(&gc, C + 2, g_pairs, (long)g_pairMask + 1, cc);
    exchange(&gc, C, Kc, ccls, 30);
    coarse = malloc(sizeof(int) * (size_t)(nKept + 2));
    for (i = 0; i < nKept; i++) coarse[i] = ccls[crank[cls[i]]];
    free(ccount), free(corder), free(crank), free(ccls), free(cc);
  }

  if (zWords) {
    FILE *f = fopen(zWords, "w");
    if (!f) {
      perror(zWords);
      return 1;
    }
    for (i = 0; i < nKept; i++) fprintf(f, "%s\t%d\t%d\t%ld\n", g_word[order[i]].z, cls[i], coarse[i], g_word[order[i]].count);
    fclose(f);
  }

  /* The table: open addressing on the word's hash, written as C. */
  {
    ArLexiconData d;
    unsigned size = 1024, j;
    uint32_t *aKey;
    uint32_t *aValue;
    while (size < (unsigned)nKept * 10 / 7) size *= 2;
    aKey = calloc(size, sizeof(uint32_t));
    aValue = calloc(size, sizeof(uint32_t));
    for (i = 0; i < nKept; i++) {
      const Word *w = &g_word[order[i]];
      uint32_t h = ar_lexicon_hash(w->z, (int)strlen(w->z));
      long n = w->count > AR_LEXICON_MAX_COUNT ? AR_LEXICON_MAX_COUNT : w->count;
      for (j = ar_lexicon_slot(h, size - 1); aKey[j]; j = (j + 1) & (size - 1)) {
      }
      aKey[j] = h;
      aValue[j] = AR_LEXICON_VALUE((uint32_t)cls[i], (uint32_t)coarse[i], (uint32_t)n);
    }
    d.magic = AR_LEXICON_MAGIC;
    d.version = AR_LEXICON_FORMAT;
    d.nClasses = C;
    d.nCoarse = Kc;
    d.nWords = nKept;
    d.mask = size - 1;
    d.aKey = aKey;
    d.aValue = aValue;
    d.checksum = ar_lexicon_checksum(&d);
    out = fopen(zOut, "w");
    if (!out) {
      perror(zOut);
      return 1;
    }
    fprintf(out,
            "/*\n** The shipped lexicon (core/lexicon.h), generated by tools/train_lexicon.c\n"
            "** (make train): %d words of the folded text, each with its count, one of %d\n"
            "** word classes and one of %d coarse classes, learned without labels by the\n"
            "** exchange algorithm from unlabeled Arabic news: the ANT corpus (Chouigui,\n"
            "** Ben Khiroun and Elayeb, \"ANT Corpus: An Arabic News Text Collection for\n"
            "** Textual Classification\", AICCSA 2017), the 30 MB of v2.1 (Alarabiya, BBC\n"
            "** Arabic) and v1.1 (JawharaFM) without its politic/ folder. The ANT corpus\n"
            "** is licensed under the Apache License, Version 2.0\n"
            "** (http://www.apache.org/licenses/LICENSE-2.0); this table derives from it.\n"
            "** Do not edit.\n*/\n#include \"lexicon.h\"\n\n",
            nKept, C, Kc);
    fprintf(out, "static const uint32_t aKey[%u] = {", size);
    for (j = 0; j < size; j++) fprintf(out, "%s%u", j == 0 ? "\n" : j % 12 ? "," : ",\n", aKey[j]);
    fprintf(out, "};\n\nstatic const uint32_t aValue[%u] = {", size);
    for (j = 0; j < size; j++) fprintf(out, "%s%u", j == 0 ? "\n" : j % 12 ? "," : ",\n", aValue[j]);
    fprintf(out,
            "};\n\nconst ArLexiconData ar_lexicon_data = {0x%08Xu, %d, %d, %d, %d, %uu, aKey, aValue, 0x%08Xu};\n",
            d.magic, d.version, C, Kc, nKept, d.mask, d.checksum);
    fclose(out);
    fprintf(stderr, "wrote %s: %d words, %u slots, checksum %08X\n", zOut, nKept, size, d.checksum);
  }
  return 0;
}
