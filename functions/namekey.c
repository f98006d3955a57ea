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

int ar_name_key(const uint32_t *w, int n, uint32_t *out) {
  int i, k = 0, innerYeh = 0, innerWaw = 0;
  if (n <= 0) return 0;
  if (n < AR_NAMEKEY_MIN_LETTERS) return copy_word(w, n, out, 0);
  out[k++] = key_letter(w[0]);
  for (i = 1; i < n - 1; i++) {
    uint32_t c = key_letter(w[i]);
    if (c == CH_ALEF || c == CH_HAMZA) continue;
    if (c == CH_YEH) {
      innerYeh = 1;
      continue;
    }
    if (c == CH_WAW) {
      innerWaw = 1;
      continue;
    }
    out[k++] = c;
  }
  out[k++] = key_letter(w[n - 1]);
  /* Each mark stands for at least one dropped letter: k stays <= n. */
  if (innerYeh) out[k++] = CH_YEH;
  if (innerWaw) out[k++] = CH_WAW;
  if (k < AR_NAMEKEY_MIN_LETTERS) return copy_word(w, n, out, 1);
  return k;
}
