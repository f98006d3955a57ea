/* The known search forms (see known_forms.h). */
#include "known_forms.h"

uint32_t ar_known_form_hash(const uint32_t *w, int n, uint32_t tail) {
  uint32_t h = 2166136261u;
  int i;
  for (i = 0; i < n; i++) h = (h ^ w[i]) * 16777619u;
  if (tail) h = (h ^ tail) * 16777619u;
  return h;
}

int ar_is_known_form(const uint32_t *w, int n, uint32_t tail) {
  uint32_t h = ar_known_form_hash(w, n, tail);
  int lo = 0, hi = ar_known_form_count;
  while (lo < hi) {
    int mid = lo + (hi - lo) / 2;
    if (ar_known_form_hashes[mid] < h) lo = mid + 1;
    else hi = mid;
  }
  return lo < ar_known_form_count && ar_known_form_hashes[lo] == h;
}
