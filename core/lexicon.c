/* The known search forms (see lexicon.h). */
#include "lexicon.h"

uint32_t ar_lexicon_hash(const uint32_t *w, int n, uint32_t tail) {
  uint32_t h = 2166136261u;
  int i;
  for (i = 0; i < n; i++) h = (h ^ w[i]) * 16777619u;
  if (tail) h = (h ^ tail) * 16777619u;
  return h;
}

int ar_lexicon_has(const uint32_t *w, int n, uint32_t tail) {
  uint32_t h = ar_lexicon_hash(w, n, tail);
  int lo = 0, hi = ar_lexicon_size;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (ar_lexicon_hashes[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < ar_lexicon_size && ar_lexicon_hashes[lo] == h;
}
