/* Name keys (see namekey.h). */
#include "namekey.h"

#define CH_HAMZA      0x0621
#define CH_ALEF_MADDA 0x0622
#define CH_ALEF_HAMZA 0x0623
#define CH_WAW_HAMZA  0x0624
#define CH_ALEF_LOWER 0x0625
#define CH_YEH_HAMZA  0x0626
#define CH_ALEF       0x0627
#define CH_TEH_MARB   0x0629
#define CH_TEH        0x062A
#define CH_HEH        0x0647
#define CH_WAW        0x0648
#define CH_ALEF_MAKS  0x0649
#define CH_YEH        0x064A
#define CH_LAM        0x0644
#define CH_ALEF_WASLA 0x0671
#define CH_PEH        0x067E
#define CH_VEH        0x06A4
#define CH_GAF        0x06AF
#define CH_QAF_3DOTS  0x06A8 /* ڨ: g in the Maghreb (بن ڨردان, ڨفصة) */
#define CH_KAF_3DOTS  0x06AD /* ڭ: g in Morocco */
#define CH_JEEM       0x062C
#define CH_SEEN       0x0633
#define CH_SHEEN      0x0634
#define CH_GHAIN      0x063A
#define CH_NOON       0x0646

/* The letter a key compares: the folds of the default normalizer that a
** caller may not have applied (hamza carriers, ى, ة), and the letters some
** writers add for foreign sounds (پ ڤ گ for p, v, g; ڨ ڭ for the g of the
** Maghreb, which others write ق and ك) on their usual Arabic letter. */
static uint32_t key_letter(uint32_t c) {
  switch (c) {
    case CH_ALEF_MADDA:
    case CH_ALEF_HAMZA:
    case CH_ALEF_LOWER:
    case CH_ALEF_WASLA: return CH_ALEF;
    case CH_WAW_HAMZA: return CH_WAW;
    case CH_YEH_HAMZA:
    case CH_ALEF_MAKS: return CH_YEH;
    case CH_TEH_MARB: return CH_HEH;
    case CH_PEH: return 0x0628;
    case CH_VEH: return 0x0641;
    case CH_GAF:
    case CH_KAF_3DOTS: return 0x0643;
    case CH_QAF_3DOTS: return 0x0642;
    default: return c;
  }
}

/* The letter of w[i] in a key: key_letter(), and the ج of Chinese and
** Korean names ending in نغ (ng), which writers render as ي too (جونغ, يونغ). */
static uint32_t key_letter_at(const uint32_t *w, int n, int i, int search) {
  uint32_t c = key_letter(w[i]);
  if (search && i == 0 && c == CH_JEEM && n >= 3 && w[n - 2] == CH_NOON && w[n - 1] == CH_GHAIN) return CH_YEH;
  return c;
}

/* True for the letters a key drops from inside a word. */
static int is_inner_vowel(uint32_t c) { return c == CH_ALEF || c == CH_HAMZA || c == CH_YEH || c == CH_WAW; }

/* Where a word that is its own key has a yeh the key leaves out, or -1: the
** yeh right before the last letter of a word of 5 letters or more (its
** article not counted), after a letter that is not a vowel, which writers
** of foreign names often leave out (بوتن for بوتين, ميونخ for ميونيخ). Not
** before the ة of an adjective (الدولية is not الدولة), an alef or a last yeh
** (a hamza seat: خامنئي), nor in the verbal nouns تفعيل (توقيع is not توقع). */
static int optional_yeh(const uint32_t *w, int n, int search) {
  int article = n > 2 && key_letter(w[0]) == CH_ALEF && w[1] == CH_LAM ? 2 : 0;
  uint32_t last = key_letter(w[n - 1]);
  if (!search || n - article < 5 || key_letter(w[n - 2]) != CH_YEH || is_inner_vowel(key_letter(w[n - 3]))) return -1;
  if (last == CH_YEH || last == CH_ALEF || last == CH_HEH || key_letter(w[article]) == CH_TEH) return -1;
  return n - 2;
}

/* A word that is its own key: its letters folded (and for search without its
** optional yeh). */
static int copy_word(const uint32_t *w, int n, uint32_t *out, int fold, int search) {
  int i, k = 0, skip = fold ? optional_yeh(w, n, search) : -1;
  for (i = 0; i < n; i++) {
    if (i != skip) out[k++] = fold ? key_letter_at(w, n, i, search) : w[i];
  }
  return k;
}

static int name_key(const uint32_t *w, int n, uint32_t *out, int search) {
  int i, k = 0, nSkeleton, innerYeh = 0, innerWaw = 0;
  uint32_t last;
  if (n <= 0) return 0;
  if (n < AR_NAMEKEY_MIN_LETTERS) return copy_word(w, n, out, 0, search);
  out[k++] = key_letter_at(w, n, 0, search);
  for (i = 1; i < n - 1; i++) {
    uint32_t c = key_letter(w[i]);
    if (search && c == CH_YEH && i == n - 2 && key_letter(w[n - 1]) == CH_YEH) out[k++] = c; /* a hamza seat: ئي */
    else if (!is_inner_vowel(c)) out[k++] = c;
    else if (c == CH_YEH) innerYeh = 1;
    else if (c == CH_WAW) innerWaw = 1;
  }
  last = key_letter(w[n - 1]);
  out[k++] = last;
  /* The article does not make a word long enough to merge: العالم and
  ** العلم stay apart like عالم and علم. */
  nSkeleton = k - (out[0] == CH_ALEF && out[1] == CH_LAM ? 2 : 0);
  if (nSkeleton < AR_NAMEKEY_MIN_SKELETON) return copy_word(w, n, out, 1, search);
  /* A final ش of a long name is written س too (غوتيريش, غوتيريس). */
  if (search && last == CH_SHEEN) out[k - 1] = CH_SEEN;
  /* Each mark stands for at least one dropped letter, so k stays <= n; the
  ** marks are letters a folded word never holds, so a key with marks never
  ** equals a word. */
  if (innerYeh) out[k++] = AR_NAMEKEY_YEH_MARK;
  if (innerWaw) out[k++] = AR_NAMEKEY_WAW_MARK;
  return k;
}

int ar_name_key(const uint32_t *w, int n, uint32_t *out) { return name_key(w, n, out, 0); }

int ar_name_key_search(const uint32_t *w, int n, uint32_t *out) { return name_key(w, n, out, 1); }
