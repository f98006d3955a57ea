/*
** The date reader shared by arabic_date(), the `value` column of
** arabic_entities() and the importers: one set of rules for every reader.
**
** It reads the date at the start of a text, after an optional label
** (التاريخ:, تاريخ النشر:, نشر في, بتاريخ, منذ, في, العام ...) and weekday
** (الأربعاء, Sun,). What follows the date (a time, an offset, the rest of a
** sentence) is ignored, so a timestamp keeps its local date:
**
**   2025-03-12  2025-3-2  2025/03/12  2018-02-18T21:35:43+04:00   year first
**   12/03/2025  12.03.2025                 day first (month first only when
**                                          the day-first reading is impossible)
**   12 مارس 2025   12 آذار 2025   12 مارس/آذار 2025   12 جانفي 2025
**   Sun, 18 Feb 2018 21:35:43 +0400   Feb 18, 2018
**   مارس 2025 (a month: 2025-03)   2007, العام 2007 (a year: 2007)
**
** Digits may be ASCII, Arabic-Indic (٠-٩) or Persian (۰-۹); month names are
** the Gregorian ones used from Morocco to Egypt, the Syriac ones of the
** Levant and Iraq, and English. Years outside 1800-2200 and days a month does
** not have are rejected. A pure core: no SQLite calls, no allocation.
*/
#ifndef ARABIC_DATE_H
#define ARABIC_DATE_H

#define AR_DATE_ISO_SIZE 11 /* "YYYY-MM-DD" and its NUL */

typedef struct ArDate {
  int year;
  int month; /* 1-12, 0 when the text names only a year */
  int day;   /* 1-31, 0 when the text names only a year or a month */
} ArDate;

/* Read the date at the start of z (n bytes of UTF-8). Return 1 and fill
** *pOut when there is one, 0 (and *pOut zeroed) when there is none. */
int ar_date_parse(const char *z, int n, ArDate *pOut);

/* Write d as "YYYY-MM-DD", "YYYY-MM" or "YYYY" into zOut (AR_DATE_ISO_SIZE
** bytes); return the length. */
int ar_date_format(const ArDate *d, char *zOut);

#endif
