/*
** Unit tests of the date reader (core/date.h): every form it reads, and the
** texts it must not read as a date.
*/
#include "../../core/date.h"
#include "testlib.h"

static void reads(const char *zText, const char *zWant) {
  ArDate d;
  char zIso[AR_DATE_ISO_SIZE];
  const char *zGot = 0;
  if (ar_date_parse(zText, (int)strlen(zText), &d)) {
    ar_date_format(&d, zIso);
    zGot = zIso;
  }
  check_str(zText, zGot, zWant);
}

int main(void) {
  /* Year first, with any separator, digits of the three sets. */
  reads("2025-03-12", "2025-03-12");
  reads("2025-3-2", "2025-03-02");
  reads("2025/03/12", "2025-03-12");
  reads("2025.03.12", "2025-03-12");
  reads("٢٠٢٥-٠٣-١٢", "2025-03-12");
  reads("۲۰۲۵/۰۳/۱۲", "2025-03-12");
  reads("2018-02-18T21:35:43+04:00", "2018-02-18");
  reads("2018-02-18 23:59:59 -0500", "2018-02-18");
  /* Day first, as Arab media write it; month first only when it must be. */
  reads("12/03/2025", "2025-03-12");
  reads("12-3-2025", "2025-03-12");
  reads("12.03.2025", "2025-03-12");
  reads("03/25/2025", "2025-03-25");
  /* Month names: Gregorian, Maghreb, Levant, English; pairs; hamza and ta marbuta spelled any way. */
  reads("12 مارس 2025", "2025-03-12");
  reads("١٢ مارس ٢٠٢٥", "2025-03-12");
  reads("12 آذار 2025", "2025-03-12");
  reads("12 مارس/آذار 2025", "2025-03-12");
  reads("12 مارس (آذار) 2025", "2025-03-12");
  reads("3 نوفمبر/تشرين الثاني 2016", "2016-11-03");
  reads("1 كانون الثاني 2020", "2020-01-01");
  reads("31 كانون الأول 2019", "2019-12-31");
  reads("5 تشرين الأول 2023", "2023-10-05");
  reads("7 أبريل 2024", "2024-04-07");
  reads("7 إبريل 2024", "2024-04-07");
  reads("7 افريل 2024", "2024-04-07");
  reads("14 جانفي 2019", "2019-01-14");
  reads("14 فيفري 2019", "2019-02-14");
  reads("1 ماي 2019", "2019-05-01");
  reads("9 جوان 2019", "2019-06-09");
  reads("25 جويلية 2019", "2019-07-25");
  reads("13 أوت 2019", "2019-08-13");
  reads("13 غشت 2019", "2019-08-13");
  reads("2 أيار 2019", "2019-05-02");
  reads("2 آب 2019", "2019-08-02");
  reads("2 يوليه 2019", "2019-07-02");
  reads("12 مَارِس 2025", "2025-03-12");
  reads("12 مـارس 2025", "2025-03-12");
  reads("Sun, 18 Feb 2018 21:35:43 +0400", "2018-02-18");
  reads("18-Feb-2018", "2018-02-18");
  reads("Feb 18, 2018", "2018-02-18");
  reads("February 18 2018", "2018-02-18");
  /* Labels and weekdays before the date; the rest of the text after it. */
  reads("التاريخ: 2025-03-12", "2025-03-12");
  reads("التاريخ : 12 مارس 2025", "2025-03-12");
  reads("تاريخ النشر: الأربعاء، 12 مارس 2025 - 10:30", "2025-03-12");
  reads("نشر في 12 مارس 2025", "2025-03-12");
  reads("بتاريخ 2025/03/12 وقال", "2025-03-12");
  reads("الأربعاء 12 مارس 2025", "2025-03-12");
  /* A month, a year. */
  reads("مارس 2025", "2025-03");
  reads("مارس/آذار 2025", "2025-03");
  reads("2007", "2007");
  reads("في 2007", "2007");
  reads("منذ 2012", "2012");
  reads("العام 2007", "2007");
  /* Not a date. */
  reads("", NULL);
  reads("قال 12 مارس 2025", NULL);
  reads("12 مارس", NULL);
  reads("الشهر الماضي", NULL);
  reads("2025-13-01", NULL);
  reads("2025-02-30", NULL);
  reads("2024-02-29", "2024-02-29");
  reads("2023-02-29", NULL);
  reads("1446", NULL);
  reads("12/30/2025/1", NULL);
  reads("12 مارس/نيسان 2025", NULL);
  reads("1234567", NULL);
  reads("2025-03", NULL);
  reads("12:30", NULL);
  reads("\xff\xfe 2025", NULL);
  {
    ArDate d = {2025, 3, 12};
    char z[AR_DATE_ISO_SIZE];
    check_int("format length", ar_date_format(&d, z), 10);
  }
  return test_done();
}
