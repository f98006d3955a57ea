/*
** arabic_date(text): the date at the start of text as 'YYYY-MM-DD', or NULL.
**
**   SELECT arabic_date('12 مارس 2025');                       -- '2025-03-12'
**   SELECT arabic_date('Sun, 18 Feb 2018 21:35:43 +0400');    -- '2018-02-18'
**   SELECT arabic_date('مارس 2025');                          -- NULL: no day
**
** The reader is core/date.h's, the one behind the value column of
** arabic_entities and the importers' published column: labels (التاريخ:)
** and weekdays before the date are skipped, a time and an offset after it
** are ignored (a timestamp keeps its local date), day-first numeric dates
** are read as Arab media write them. Only a full date is returned: a month
** or a year alone is NULL here (arabic_entities' value keeps them).
*/
#include "../ext/register.h"
#include "../ext/sqlfunc.h"
#include "../core/date.h"

static void date_func(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
  ArDate date;
  char zIso[AR_DATE_ISO_SIZE];
  const char *z;
  int n;
  (void)argc;
  if (ar_any_null(1, argv)) return;
  z = ar_arg_text(ctx, argv[0], &n);
  if (!z) return;
  if (ar_date_parse(z, n, &date) && date.day != 0) {
    sqlite3_result_text(ctx, zIso, ar_date_format(&date, zIso), SQLITE_TRANSIENT);
  }
}

int arabic_register_date(sqlite3 *db) {
  return sqlite3_create_function(db, "arabic_date", 1, ARABIC_FUNC_FLAGS, 0, date_func, 0, 0);
}
