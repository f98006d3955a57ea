/*
** COLLATE arabic: Arabic text ordered as a dictionary orders it, and equal
** when it is the same word however it is written.
**
**   SELECT name FROM people ORDER BY name COLLATE arabic, name;
**   CREATE INDEX people_name ON people(name COLLATE arabic);
**   SELECT count(*) FROM people WHERE name = 'احمد' COLLATE arabic;  -- أحمد, أَحْمَد too
**
** The comparison is the normalization core's (collation.h): the same folds
** as the tokenizer and arabic_normalize(), so a = b under the collation
** exactly when arabic_normalize(a) = arabic_normalize(b). It never
** allocates, so it has no failure to report.
*/
#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/collation.h"

static int collate_arabic(void *pArg, int na, const void *a, int nb, const void *b) {
  return ar_collate(pArg, a, na, b, nb);
}

int arabic_register_collation(sqlite3 *db) {
  return sqlite3_create_collation_v2(db, "arabic", SQLITE_UTF8, (void *)ar_default_normalizer(),
                                     collate_arabic, 0);
}
