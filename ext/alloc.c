/* The cores' allocator, routed through SQLite (see functions/alloc.h). */
#include "sqlite_api.h"
#include "../functions/alloc.h"

void *ar_malloc(size_t n) { return sqlite3_malloc64((sqlite3_uint64)n); }
void *ar_realloc(void *p, size_t n) { return sqlite3_realloc64(p, (sqlite3_uint64)n); }
void ar_free(void *p) { sqlite3_free(p); }
