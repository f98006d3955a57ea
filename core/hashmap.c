/* The small hash map of the entity engine (see hashmap.h). */
#include "hashmap.h"

#include <string.h>

#include "alloc.h"

int ar_hashmap_init(ArHashMap *m, int nKeys) {
  unsigned size = 16;
  while (size < (unsigned)nKeys * 2) size *= 2;
  m->mask = size - 1;
  m->aKey = ar_malloc(size * sizeof(uint64_t));
  m->aVal = ar_malloc(size * sizeof(int));
  if (!m->aKey || !m->aVal) {
    ar_hashmap_free(m);
    return AR_NOMEM;
  }
  memset(m->aKey, 0, size * sizeof(uint64_t));
  return AR_OK;
}

void ar_hashmap_free(ArHashMap *m) {
  ar_free(m->aKey);
  ar_free(m->aVal);
  m->aKey = 0;
  m->aVal = 0;
}

int *ar_hashmap_slot(ArHashMap *m, uint64_t h, int *pFound) {
  unsigned j = (unsigned)h & m->mask;
  while (m->aKey[j] && m->aKey[j] != h) j = (j + 1) & m->mask;
  *pFound = m->aKey[j] == h;
  m->aKey[j] = h;
  return &m->aVal[j];
}

const int *ar_hashmap_find(const ArHashMap *m, uint64_t h) {
  unsigned j = (unsigned)h & m->mask;
  while (m->aKey[j]) {
    if (m->aKey[j] == h) return &m->aVal[j];
    j = (j + 1) & m->mask;
  }
  return 0;
}

void ar_hashmap_forget(ArHashMap *m, uint64_t h) {
  unsigned j = (unsigned)h & m->mask;
  while (m->aKey[j] != h) j = (j + 1) & m->mask;
  m->aKey[j] = 0;
}
