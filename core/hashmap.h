/*
** A small open-addressing map from 64-bit hashes to ints, sized once for
** the keys it will hold (at most nKeys; half its slots stay empty). The
** entity engine's sets and groups of one text. Key 0 marks an empty slot:
** ar_hash_bytes() never returns it.
*/
#ifndef ARABIC_HASHMAP_H
#define ARABIC_HASHMAP_H

#include <stdint.h>

typedef struct ArHashMap {
  uint64_t *aKey;
  int *aVal;
  unsigned mask; /* slots - 1 */
} ArHashMap;

/* AR_OK or AR_NOMEM (then *m is empty and ar_hashmap_free() is safe). */
int ar_hashmap_init(ArHashMap *m, int nKeys);
void ar_hashmap_free(ArHashMap *m);

/* The value slot of key h, added if absent (*pFound says which). */
int *ar_hashmap_slot(ArHashMap *m, uint64_t h, int *pFound);
/* The value of key h, or NULL. */
const int *ar_hashmap_find(const ArHashMap *m, uint64_t h);
/* Remove key h, just added by ar_hashmap_slot() and not followed by any
** other addition (linear probing: only the last slot of a run may go). */
void ar_hashmap_forget(ArHashMap *m, uint64_t h);

#endif
