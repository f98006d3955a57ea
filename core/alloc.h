/*
** The one allocator of every pure core. In the extension it is SQLite's
** (sqlite3_malloc64/sqlite3_free), so out-of-memory injection and memory
** accounting see every byte; a stand-alone tool may define AR_ALLOC_LIBC.
*/
#ifndef ARABIC_ALLOC_H
#define ARABIC_ALLOC_H

#include <stddef.h>

#define AR_OK    0
#define AR_NOMEM 7 /* == SQLITE_NOMEM, so the value can be returned as is */

void *ar_malloc(size_t n);
void *ar_realloc(void *p, size_t n);
void ar_free(void *p);

/* Room for nNeed elements of szElem bytes in the array *pa of capacity
** *pnAlloc (doubled, from 16): AR_OK, or AR_NOMEM with *pa unchanged. */
static inline int ar_grow(void **pa, int *pnAlloc, int nNeed, size_t szElem) {
  void *aNew;
  int nNew;
  if (nNeed <= *pnAlloc) return AR_OK;
  nNew = *pnAlloc ? *pnAlloc : 16;
  while (nNew < nNeed) nNew *= 2;
  aNew = ar_realloc(*pa, (size_t)nNew * szElem);
  if (!aNew) return AR_NOMEM;
  *pa = aNew;
  *pnAlloc = nNew;
  return AR_OK;
}

#endif
