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
#define CH_HEH        0x0647
#define CH_WAW        0x0648
#define CH_ALEF_MAKS  0x0649
#define CH_YEH        0x064A
#define CH_LAM        0x0644
#define CH_ALEF_WASLA 0x0671
#define CH_PEH        0x067E
#define CH_VEH        0x06A4
#define CH_GAF        0x06AF

/* The letter a key compares: the folds of the default normalizer that a
** caller may not have applied (hamza carriers, ى, ة), and the letters some
** writers add for foreign sounds (پ ڤ گ for p, v, g) on their usual
** Arabic letter. */
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
    case CH_GAF: return 0x0643;
    default: return c;
  }
}

static int copy_word(const uint32_t *w, int n, uint32_t *out, int fold) {
  int i;
  for (i = 0; i < n; i++) out[i] = fold ? key_letter(w[i]) : w[i];
  return n;
}

/* True for the letters a key drops from inside a word. */
static int is_inner_vowel(uint32_t c) { return c == CH_ALEF || c == CH_HAMZA || c == CH_YEH || c == CH_WAW; }

int ar_name_key(const uint32_t *w, int n, uint32_t *out) {
  int i, k = 0, nSkeleton, innerYeh = 0, innerWaw = 0;
  if (n <= 0) return 0;
  if (n < AR_NAMEKEY_MIN_LETTERS) return copy_word(w, n, out, 0);
  out[k++] = key_letter(w[0]);
  for (i = 1; i < n - 1; i++) {
    uint32_t c = key_letter(w[i]);
    if (!is_inner_vowel(c)) out[k++] = c;
    else if (c == CH_YEH) innerYeh = 1;
    else if (c == CH_WAW) innerWaw = 1;
  }
  out[k++] = key_letter(w[n - 1]);
  /* The article does not make a word long enough to merge: العالم and
  ** العلم stay apart like عالم and علم. */
  nSkeleton = k - (out[0] == CH_ALEF && out[1] == CH_LAM ? 2 : 0);
  if (nSkeleton < AR_NAMEKEY_MIN_SKELETON) return copy_word(w, n, out, 1);
  /* Each mark stands for at least one dropped letter, so k stays <= n; the
  ** marks are letters a folded word never holds, so a key with marks never
  ** equals a word. */
  if (innerYeh) out[k++] = AR_NAMEKEY_YEH_MARK;
  if (innerWaw) out[k++] = AR_NAMEKEY_WAW_MARK;
  return k;
}
