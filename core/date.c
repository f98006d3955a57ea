/*
** The date reader (see date.h): the text is cut into numbers, words and
** punctuation, then read by a handful of patterns. Words are compared
** folded (hamza on alef dropped, ة as ه, ى as ي, harakat and tatweel out,
** Latin lower case), so the tables below are written folded.
*/
#include <stdio.h>
#include <string.h>

#include "date.h"
#include "utf8.h"

#define MAX_TOKENS 24
#define MAX_WORD_BYTES 48

typedef enum { TOK_NUM, TOK_WORD, TOK_PUNCT } TokKind;

typedef struct Token {
  TokKind kind;
  int value;   /* TOK_NUM: its value (at most 9 digits); TOK_PUNCT: the character */
  int nDigit;  /* TOK_NUM: how many digits */
  int spaced;  /* white space before it */
  char zWord[MAX_WORD_BYTES]; /* TOK_WORD: folded, NUL-terminated ("" when too long) */
} Token;

/* Month names, folded, with their number. */
static const struct { const char *zName; int month; } g_months[] = {
  {"يناير", 1}, {"ينايير", 1}, {"جانفي", 1}, {"فبراير", 2}, {"فيفري", 2}, {"شباط", 2},
  {"مارس", 3}, {"اذار", 3}, {"ابريل", 4}, {"افريل", 4}, {"نيسان", 4}, {"مايو", 5},
  {"ماي", 5}, {"ايار", 5}, {"يونيو", 6}, {"يونيه", 6}, {"جوان", 6}, {"حزيران", 6},
  {"يوليو", 7}, {"يوليه", 7}, {"يوليوز", 7}, {"جويليه", 7}, {"تموز", 7}, {"اغسطس", 8}, {"غشت", 8},
  {"اوت", 8}, {"اب", 8}, {"سبتمبر", 9}, {"شتنبر", 9}, {"ايلول", 9}, {"اكتوبر", 10},
  {"نوفمبر", 11}, {"نونبر", 11}, {"ديسمبر", 12}, {"دجنبر", 12},
  {"jan", 1}, {"january", 1}, {"feb", 2}, {"february", 2}, {"mar", 3}, {"march", 3},
  {"apr", 4}, {"april", 4}, {"may", 5}, {"jun", 6}, {"june", 6}, {"jul", 7}, {"july", 7},
  {"aug", 8}, {"august", 8}, {"sep", 9}, {"sept", 9}, {"september", 9}, {"oct", 10},
  {"october", 10}, {"nov", 11}, {"november", 11}, {"dec", 12}, {"december", 12},
};

/* Words before a date that say nothing of it: labels, weekdays, "the year". */
static const char *const g_skipped[] = {
  "التاريخ", "تاريخ", "بتاريخ", "النشر", "نشر", "نشرت", "في", "يوم", "منذ", "حتي", "بحلول", "مطلع",
  "عام", "العام", "سنه", "السنه", "الاحد", "الاثنين", "الثلاثاء", "الاربعاء", "الخميس", "الجمعه",
  "السبت", "sun", "mon", "tue", "wed", "thu", "fri", "sat", "sunday", "monday", "tuesday",
  "wednesday", "thursday", "friday", "saturday", "date", "published",
};

static int is_harakah(uint32_t c) { return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || c == 0x0640; }

static int is_letter(uint32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0x0621 && c <= 0x064A) ||
         (c >= 0x0671 && c <= 0x06D3);
}

/* The value of a digit of any of the three sets, or -1. */
static int digit_value(uint32_t c) {
  if (c >= '0' && c <= '9') return (int)(c - '0');
  if (c >= 0x0660 && c <= 0x0669) return (int)(c - 0x0660);
  if (c >= 0x06F0 && c <= 0x06F9) return (int)(c - 0x06F0);
  return -1;
}

static uint32_t fold_letter(uint32_t c) {
  switch (c) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627; /* آ أ إ ٱ -> ا */
    case 0x0629: return 0x0647;                                        /* ة -> ه */
    case 0x0649: return 0x064A;                                        /* ى -> ي */
    case 0x06A4: return 0x0641;                                        /* ڤ -> ف (فيڤري) */
    case 0x06CC: return 0x064A;                                        /* Persian yeh */
    default: return (c >= 'A' && c <= 'Z') ? c + 32 : c;
  }
}

/* Cut z into at most MAX_TOKENS tokens; return how many. */
static int scan(const unsigned char *z, int n, Token *aTok) {
  int i = 0, nTok = 0, spaced = 0;
  while (i < n && nTok < MAX_TOKENS) {
    int at = i;
    uint32_t c = ar_utf8_decode(z, n, &i);
    Token *t = &aTok[nTok];
    t->spaced = spaced;
    spaced = 0;
    if (digit_value(c) >= 0) {
      t->kind = TOK_NUM;
      t->value = digit_value(c);
      t->nDigit = 1;
      while (i < n) {
        int next = i;
        uint32_t d = ar_utf8_decode(z, n, &next);
        if (digit_value(d) < 0) break;
        if (t->nDigit < 9) t->value = t->value * 10 + digit_value(d);
        t->nDigit++;
        i = next;
      }
      nTok++;
    } else if (is_letter(c) || is_harakah(c)) {
      int nByte = 0, tooLong = 0;
      i = at;
      while (i < n) {
        int next = i;
        uint32_t d = ar_utf8_decode(z, n, &next);
        if (!is_letter(d) && !is_harakah(d)) break;
        i = next;
        if (is_harakah(d)) continue;
        if (nByte + 4 >= MAX_WORD_BYTES) {
          tooLong = 1;
          continue;
        }
        nByte += ar_utf8_encode(fold_letter(d), (unsigned char *)t->zWord + nByte);
      }
      t->kind = TOK_WORD;
      t->zWord[tooLong ? 0 : nByte] = 0;
      if (nByte > 0 || tooLong) nTok++;
    } else if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == 0xA0 || c == 0x200F || c == 0x200E ||
               c == 0xFEFF) {
      spaced = 1;
    } else {
      t->kind = TOK_PUNCT;
      t->value = c == 0x060C ? ',' : (int)c; /* the Arabic comma reads as a comma */
      nTok++;
    }
  }
  return nTok;
}

static int word_month(const Token *t) {
  size_t k;
  if (t->kind != TOK_WORD) return 0;
  for (k = 0; k < sizeof(g_months) / sizeof(g_months[0]); k++) {
    if (strcmp(t->zWord, g_months[k].zName) == 0) return g_months[k].month;
  }
  return 0;
}

static int word_is(const Token *t, const char *zWord) { return t->kind == TOK_WORD && strcmp(t->zWord, zWord) == 0; }

/* The month named at aTok[*pi] (one word; تشرين and كانون take a second),
** possibly paired with its other name (مارس/آذار, مارس (آذار), أبريل نيسان); 0 if none.
** Advances *pi past it. */
static int read_month(const Token *aTok, int nTok, int *pi) {
  int i = *pi, month = 0;
  if (i >= nTok || aTok[i].kind != TOK_WORD) return 0;
  if (word_is(&aTok[i], "تشرين") || word_is(&aTok[i], "كانون")) {
    int second;
    if (i + 1 >= nTok) return 0;
    if (word_is(&aTok[i + 1], "الاول") || word_is(&aTok[i + 1], "اول")) second = 0;
    else if (word_is(&aTok[i + 1], "الثاني") || word_is(&aTok[i + 1], "ثاني")) second = 1;
    else return 0;
    month = word_is(&aTok[i], "تشرين") ? 10 + second : (second ? 1 : 12);
    i += 2;
  } else {
    month = word_month(&aTok[i]);
    if (!month) return 0;
    i++;
  }
  /* The other name of the same month, after '/', in parentheses or right
  ** after it (أبريل نيسان). */
  if (i < nTok && (aTok[i].kind == TOK_WORD ||
                   (i + 1 < nTok && aTok[i].kind == TOK_PUNCT && (aTok[i].value == '/' || aTok[i].value == '(')))) {
    int j = aTok[i].kind == TOK_WORD ? i : i + 1, other = read_month(aTok, nTok, &j);
    if (other == month) {
      if (aTok[i].kind == TOK_PUNCT && aTok[i].value == '(' && j < nTok && aTok[j].kind == TOK_PUNCT &&
          aTok[j].value == ')')
        j++;
      i = j;
    } else if (other) {
      return 0; /* two different months: not one date */
    }
  }
  *pi = i;
  return month;
}

static int is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

static int days_in(int y, int m) {
  static const int aDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && is_leap(y) ? 29 : aDays[m - 1];
}

static int valid(int y, int m, int d) {
  if (y < 1800 || y > 2200) return 0;
  if (m == 0) return d == 0;
  if (m < 1 || m > 12) return 0;
  return d == 0 || (d >= 1 && d <= days_in(y, m));
}

static int is_num(const Token *aTok, int nTok, int i, int minDigit, int maxDigit) {
  return i < nTok && aTok[i].kind == TOK_NUM && aTok[i].nDigit >= minDigit && aTok[i].nDigit <= maxDigit;
}

static int is_sep(const Token *aTok, int nTok, int i) {
  return i < nTok && aTok[i].kind == TOK_PUNCT && (aTok[i].value == '-' || aTok[i].value == '/' || aTok[i].value == '.');
}

/* A number that goes on (a separator and more digits right after it, as in
** 2025-03 or 12/30/2025/1) cannot end a date; "2025 - 10:30" can. */
static int ends_here(const Token *aTok, int nTok, int i) {
  return !(is_sep(aTok, nTok, i) && !aTok[i].spaced && i + 1 < nTok && aTok[i + 1].kind == TOK_NUM &&
           !aTok[i + 1].spaced);
}

static int set(ArDate *p, int y, int m, int d) {
  if (!valid(y, m, d)) return 0;
  p->year = y;
  p->month = m;
  p->day = d;
  return 1;
}

static int read_date(const Token *aTok, int nTok, int i, ArDate *p) {
  int m, j;
  /* Year first: 2025-03-12, 2025/3/2, 2018-02-18T21:35. */
  if (is_num(aTok, nTok, i, 4, 4) && is_sep(aTok, nTok, i + 1) && is_num(aTok, nTok, i + 2, 1, 2)) {
    if (is_sep(aTok, nTok, i + 3) && aTok[i + 3].value == aTok[i + 1].value && is_num(aTok, nTok, i + 4, 1, 2) &&
        ends_here(aTok, nTok, i + 5)) {
      return set(p, aTok[i].value, aTok[i + 2].value, aTok[i + 4].value);
    }
    return 0;
  }
  /* Day first: 12/03/2025, 12-3-2025, 12.03.2025 (month first if the day-first reading is impossible). */
  if (is_num(aTok, nTok, i, 1, 2) && is_sep(aTok, nTok, i + 1) && is_num(aTok, nTok, i + 2, 1, 2) &&
      is_sep(aTok, nTok, i + 3) && aTok[i + 3].value == aTok[i + 1].value && is_num(aTok, nTok, i + 4, 4, 4) &&
      ends_here(aTok, nTok, i + 5)) {
    int a = aTok[i].value, b = aTok[i + 2].value, y = aTok[i + 4].value;
    return set(p, y, b, a) || (b > 12 && set(p, y, a, b));
  }
  /* 12 مارس 2025, 18 Feb 2018. */
  if (is_num(aTok, nTok, i, 1, 2)) {
    j = i + 1;
    if (j < nTok && aTok[j].kind == TOK_PUNCT && aTok[j].value == '-') j++; /* 18-Feb-2018 */
    m = read_month(aTok, nTok, &j);
    if (!m) return 0;
    if (j < nTok && aTok[j].kind == TOK_PUNCT && (aTok[j].value == '-' || aTok[j].value == ',')) j++;
    if (is_num(aTok, nTok, j, 4, 4) && ends_here(aTok, nTok, j + 1)) return set(p, aTok[j].value, m, aTok[i].value);
    return 0; /* a day and a month without a year is not an absolute date */
  }
  /* مارس 2025, Feb 18, 2018. */
  j = i;
  m = read_month(aTok, nTok, &j);
  if (m) {
    if (j < nTok && aTok[j].kind == TOK_PUNCT && aTok[j].value == ',') j++;
    if (is_num(aTok, nTok, j, 4, 4) && ends_here(aTok, nTok, j + 1)) return set(p, aTok[j].value, m, 0);
    if (is_num(aTok, nTok, j, 1, 2) && j + 1 < nTok) {
      int k = j + 1;
      if (aTok[k].kind == TOK_PUNCT && aTok[k].value == ',') k++;
      if (is_num(aTok, nTok, k, 4, 4) && ends_here(aTok, nTok, k + 1)) return set(p, aTok[k].value, m, aTok[j].value);
    }
    return 0;
  }
  /* A year alone: 2007, العام 2007. */
  if (is_num(aTok, nTok, i, 4, 4) && ends_here(aTok, nTok, i + 1)) return set(p, aTok[i].value, 0, 0);
  return 0;
}

int ar_date_parse(const char *z, int n, ArDate *pOut) {
  Token aTok[MAX_TOKENS];
  int nTok, i = 0;
  size_t k;
  memset(pOut, 0, sizeof(*pOut));
  if (!z || n <= 0) return 0;
  nTok = scan((const unsigned char *)z, n, aTok);
  /* Labels, weekdays and the punctuation between them. */
  while (i < nTok) {
    int skipped = aTok[i].kind == TOK_PUNCT && (aTok[i].value == ':' || aTok[i].value == ',');
    for (k = 0; !skipped && k < sizeof(g_skipped) / sizeof(g_skipped[0]); k++) {
      skipped = word_is(&aTok[i], g_skipped[k]);
    }
    if (!skipped) break;
    i++;
  }
  if (read_date(aTok, nTok, i, pOut)) return 1;
  memset(pOut, 0, sizeof(*pOut));
  return 0;
}

int ar_date_format(const ArDate *d, char *zOut) {
  if (d->month == 0) return snprintf(zOut, AR_DATE_ISO_SIZE, "%04d", d->year);
  if (d->day == 0) return snprintf(zOut, AR_DATE_ISO_SIZE, "%04d-%02d", d->year, d->month);
  return snprintf(zOut, AR_DATE_ISO_SIZE, "%04d-%02d-%02d", d->year, d->month, d->day);
}
