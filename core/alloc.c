/*
** The cores' allocator (see alloc.h): SQLite's in the extension, so that
** out-of-memory injection and memory accounting see every byte; the C
** library's with -DAR_ALLOC_LIBC, for tools that link the cores without
** SQLite (tools/train_ner.c). The only file of core/ that knows SQLite.
*/
#include "alloc.h"

#ifdef AR_ALLOC_LIBC
#include <stdlib.h>

/* malloc(0) may return NULL, which would read as out of memory. */
void *ar_malloc(size_t n) { return malloc(n ? n : 1); }
void *ar_realloc(void *p, size_t n) { return realloc(p, n ? n : 1); }
void ar_free(void *p) { free(p); }

#else
#include <sqlite3ext.h>
SQLITE_EXTENSION_INIT3

void *ar_malloc(size_t n) { return sqlite3_malloc64((sqlite3_uint64)n); }
void *ar_realloc(void *p, size_t n) { return sqlite3_realloc64(p, (sqlite3_uint64)n); }
void ar_free(void *p) { sqlite3_free(p); }
#endif
