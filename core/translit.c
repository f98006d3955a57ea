/*
** Transliteration core (see translit.h for the contract and
** docs/transliteration.md for the tables).
**
** Each Buckwalter scheme is one list of (code point, ASCII character)
** pairs, expanded twice by the preprocessor: into a 256-entry table for
** U+0600..U+06FF (forward) and a 128-entry table for ASCII (reverse), so
** the two directions cannot disagree and the hot loops are one load per
** character.
*/
#include "translit.h"

#include <stdint.h>
#include <string.h>

#include "utf8.h"

/* Letters and harakat both Buckwalter schemes write the same way. */
#define BW_SHARED(X)                                                                           \
  X(0x0627, 'A') X(0x0628, 'b') X(0x0629, 'p') X(0x062A, 't') X(0x062B, 'v') X(0x062C, 'j')    \
  X(0x062D, 'H') X(0x062E, 'x') X(0x062F, 'd') X(0x0631, 'r') X(0x0632, 'z') X(0x0633, 's')    \
  X(0x0635, 'S') X(0x0636, 'D') X(0x0637, 'T') X(0x0638, 'Z') X(0x0639, 'E') X(0x063A, 'g')    \
  X(0x0640, '_') X(0x0641, 'f') X(0x0642, 'q') X(0x0643, 'k') X(0x0644, 'l') X(0x0645, 'm')    \
  X(0x0646, 'n') X(0x0647, 'h') X(0x0648, 'w') X(0x0649, 'Y') X(0x064A, 'y') X(0x064B, 'F')    \
  X(0x064C, 'N') X(0x064D, 'K') X(0x064E, 'a') X(0x064F, 'u') X(0x0650, 'i') X(0x0651, '~')    \
  X(0x0652, 'o') X(0x067E, 'P') X(0x0686, 'J') X(0x06AF, 'G')

/* Classic Buckwalter: hamza forms and a few letters as ASCII symbols. */
#define BW_CLASSIC(X)                                                                          \
  X(0x0621, '\'') X(0x0622, '|') X(0x0623, '>') X(0x0624, '&') X(0x0625, '<') X(0x0626, '}')   \
  X(0x0630, '*') X(0x0634, '$') X(0x0670, '`') X(0x0671, '{') X(0x06A4, 'V')

/* Safe Buckwalter (as in CAMeL Tools): the same code points as letters. */
#define BW_SAFE(X)                                                                             \
  X(0x0621, 'C') X(0x0622, 'M') X(0x0623, 'O') X(0x0624, 'W') X(0x0625, 'I') X(0x0626, 'Q')    \
  X(0x0630, 'V') X(0x0634, 'c') X(0x0670, 'e') X(0x0671, 'L') X(0x06A4, 'B')

#define FWD(cp, ch) [(cp) - 0x0600] = (ch),
#define REV(cp, ch) [(unsigned char)(ch)] = (cp),

static const char kBuckwalterFwd[256] = {BW_SHARED(FWD) BW_CLASSIC(FWD)};
static const uint16_t kBuckwalterRev[128] = {BW_SHARED(REV) BW_CLASSIC(REV)};
static const char kSafeFwd[256] = {BW_SHARED(FWD) BW_SAFE(FWD)};
static const uint16_t kSafeRev[128] = {BW_SHARED(REV) BW_SAFE(REV)};

struct ArTranslitScheme {
  const char *zName;
  const char *fwd;     /* U+0600..U+06FF -> ASCII, 0 if not in the scheme; NULL: readable */
  const uint16_t *rev; /* ASCII -> code point, 0 if not in the scheme */
  unsigned char esc;   /* marks the next character as literal */
};

static const ArTranslitScheme aScheme[] = {
    {"buckwalter", kBuckwalterFwd, kBuckwalterRev, '\\'},
    {"safe-buckwalter", kSafeFwd, kSafeRev, '-'},
    {"readable", 0, 0, 0},
};

const ArTranslitScheme *ar_translit_scheme(const char *zName) {
  size_t i;
  for (i = 0; i < sizeof(aScheme) / sizeof(aScheme[0]); i++) {
    if (strcmp(zName, aScheme[i].zName) == 0) return &aScheme[i];
  }
  return 0;
}

int ar_translit_reversible(const ArTranslitScheme *s) {
  return s->fwd != 0;
}

/* The index (code point - U+0600) of a character of U+0600..U+06FF at
** z[i], or -1. Such a two-byte sequence is always valid UTF-8. */
static inline int arabic_index(const unsigned char *z, int n, int i) {
  if ((z[i] & 0xFC) == 0xD8 && i + 1 < n && (z[i + 1] & 0xC0) == 0x80) {
    return ((z[i] & 0x03) << 6) | (z[i + 1] & 0x3F);
  }
  return -1;
}

/* True if the output of the input character at z[i] starts with a
** character that an escape before it would capture. */
static int output_starts_escapable(const ArTranslitScheme *s, const unsigned char *z, int n, int i) {
  int k;
  if (i >= n) return 0;
  if (z[i] < 0x80) return s->rev[z[i]] != 0 || z[i] == s->esc;
  k = arabic_index(z, n, i);
  return k >= 0 && s->fwd[k] != 0;
}

static size_t translit_table(const ArTranslitScheme *s, const unsigned char *z, int n,
                             unsigned char *out) {
  size_t o = 0;
  int i = 0;
  while (i < n) {
    unsigned char c = z[i];
    int k;
    if (c < 0x80) {
      if (s->rev[c]) {
        out[o++] = s->esc;
      } else if (c == s->esc && output_starts_escapable(s, z, n, i + 1)) {
        out[o++] = s->esc;
      }
      out[o++] = c;
      i++;
    } else if ((k = arabic_index(z, n, i)) >= 0) {
      if (s->fwd[k]) {
        out[o++] = (unsigned char)s->fwd[k];
      } else {
        out[o++] = c;
        out[o++] = z[i + 1];
      }
      i += 2;
    } else {
      o += (size_t)ar_utf8_encode(ar_utf8_decode(z, n, &i), out + o);
    }
  }
  return o;
}

size_t ar_untranslit(const ArTranslitScheme *s, const char *zIn, int n, char *zOut) {
  const unsigned char *z = (const unsigned char *)zIn;
  unsigned char *out = (unsigned char *)zOut;
  size_t o = 0;
  int i = 0;
  while (i < n) {
    unsigned char c = z[i];
    if (c < 0x80) {
      uint32_t cp = s->rev[c];
      if (c == s->esc && i + 1 < n && z[i + 1] < 0x80 && (s->rev[z[i + 1]] || z[i + 1] == c)) {
        out[o++] = z[i + 1];
        i += 2;
        continue;
      }
      if (cp) {
        out[o++] = (unsigned char)(0xC0 | (cp >> 6));
        out[o++] = (unsigned char)(0x80 | (cp & 0x3F));
      } else {
        out[o++] = c;
      }
      i++;
    } else {
      o += (size_t)ar_utf8_encode(ar_utf8_decode(z, n, &i), out + o);
    }
  }
  out[o] = 0;
  return o;
}

/* ---- The readable scheme ---------------------------------------------- */

/* Letters with one fixed romanization (ALA-LC), and Arabic digits and
** punctuation as their ASCII counterparts. */
static const char *const kReadable[256] = {
    [0x28] = "b",  [0x2A] = "t",  [0x2B] = "th", [0x2C] = "j",  [0x2D] = "ḥ",  [0x2E] = "kh",
    [0x2F] = "d",  [0x30] = "dh", [0x31] = "r",  [0x32] = "z",  [0x33] = "s",  [0x34] = "sh",
    [0x35] = "ṣ",  [0x36] = "ḍ",  [0x37] = "ṭ",  [0x38] = "ẓ",  [0x39] = "ʿ",  [0x3A] = "gh",
    [0x41] = "f",  [0x42] = "q",  [0x43] = "k",  [0x44] = "l",  [0x45] = "m",  [0x46] = "n",
    [0x47] = "h",  [0x7E] = "p",  [0x86] = "ch", [0x98] = "zh", [0xA4] = "v",  [0xA9] = "k",
    [0xAF] = "g",  [0xC1] = "h",  [0xBE] = "h",
    [0x60] = "0",  [0x61] = "1",  [0x62] = "2",  [0x63] = "3",  [0x64] = "4",  [0x65] = "5",
    [0x66] = "6",  [0x67] = "7",  [0x68] = "8",  [0x69] = "9",  [0xF0] = "0",  [0xF1] = "1",
    [0xF2] = "2",  [0xF3] = "3",  [0xF4] = "4",  [0xF5] = "5",  [0xF6] = "6",  [0xF7] = "7",
    [0xF8] = "8",  [0xF9] = "9",  [0x0C] = ",",  [0x1B] = ";",  [0x1F] = "?",  [0x6A] = "%",
    [0x6B] = ".",  [0x6C] = ",",  [0xD4] = ".",
};

#define FATHA 0x064E
#define DAMMA 0x064F
#define KASRA 0x0650
#define FATHATAN 0x064B
#define ALEF 0x0627
#define WAW 0x0648
#define YEH 0x064A
#define FARSI_YEH 0x06CC
#define ALEF_MAKSURA 0x0649
#define LAM 0x0644

static int is_arabic_letter(uint32_t c) {
  return (c >= 0x0621 && c <= 0x064A && c != 0x0640) || (c >= 0x0671 && c <= 0x06D3);
}

/* Harakat, shadda, sukun, hamza marks, superscript alef. */
static int is_mark(uint32_t c) {
  return (c >= 0x064B && c <= 0x0655) || c == 0x0670;
}

static int in_word(uint32_t c) {
  return is_arabic_letter(c) || is_mark(c) || c == 0x0640;
}

static int is_alef_form(uint32_t c) {
  return c == ALEF || c == 0x0622 || c == 0x0623 || c == 0x0625 || c == 0x0671;
}

/* A short vowel, tanwin, shadda or sukun: what makes waw or yeh a consonant. */
static int is_haraka(uint32_t c) {
  return c >= 0x064B && c <= 0x0652;
}

/* The code point at z[*pi], advancing *pi; the Arabic block without a call. */
static inline uint32_t next_cp(const unsigned char *z, int n, int *pi) {
  int k = arabic_index(z, n, *pi);
  if (k >= 0) {
    *pi += 2;
    return 0x0600u + (uint32_t)k;
  }
  return ar_utf8_decode(z, n, pi);
}

static inline uint32_t peek(const unsigned char *z, int n, int i) {
  return i < n ? next_cp(z, n, &i) : 0;
}

/* Append the NUL-terminated r at out[o]; the new length. */
static inline size_t put(unsigned char *out, size_t o, const char *r) {
  while (*r) out[o++] = (unsigned char)*r++;
  return o;
}

/* True if a shadda is among the marks that start at z[i]. */
static int shadda_follows(const unsigned char *z, int n, int i) {
  for (; i + 1 < n && z[i] == 0xD9 && ((z[i + 1] >= 0x8B && z[i + 1] <= 0x95) || z[i + 1] == 0xB0);
       i += 2) {
    if (z[i + 1] == 0x91) return 1;
  }
  return 0;
}

/* Waw or yeh is a consonant at the start of a word, after an alef, or
** before a vowel, another waw or yeh, or teh marbuta; a long vowel
** otherwise. */
static int semivowel_is_consonant(int atStart, uint32_t prev, uint32_t next) {
  return atStart || is_alef_form(prev) || next == ALEF || is_haraka(next) || next == WAW ||
         next == YEH || next == FARSI_YEH || next == ALEF_MAKSURA || next == 0x0629;
}

static size_t translit_readable(const unsigned char *z, int n, unsigned char *out) {
  size_t o = 0;
  int i = 0;
  uint32_t prev = 0;
  int afterArticle = 0; /* the previous output was "al-" */
  while (i < n) {
    uint32_t c = next_cp(z, n, &i), next;
    int atStart, consonant = 0; /* consonant: doubled by a shadda */
    const char *r = 0;
    if (c - 0x0600u < 256u && kReadable[c - 0x0600]) {
      /* The common case: a letter or sign with a fixed romanization. */
      r = kReadable[c - 0x0600];
      o = put(out, o, r);
      if (!afterArticle && is_arabic_letter(c) && shadda_follows(z, n, i)) o = put(out, o, r);
      prev = c;
      afterArticle = 0;
      continue;
    }
    next = peek(z, n, i);
    atStart = afterArticle || !in_word(prev);
    switch (c) {
      case ALEF:
      case 0x0671:
        if (atStart && !afterArticle && next == LAM && is_arabic_letter(peek(z, n, i + 2))) {
          o = put(out, o, "al-");
          i += 2;
          prev = LAM;
          afterArticle = 1;
          continue;
        }
        if (atStart) r = is_haraka(next) ? "" : "a";
        else if (prev == FATHATAN || next == FATHATAN) r = ""; /* the alef of tanwin fath */
        else r = "ā";
        break;
      case 0x0622: r = atStart ? "ā" : "ʾā"; break;
      case 0x0623: r = atStart ? (is_haraka(next) ? "" : "a") : "ʾ"; break;
      case 0x0625: r = atStart ? (is_haraka(next) ? "" : "i") : "ʾ"; break;
      case 0x0621:
      case 0x0624:
      case 0x0626: r = "ʾ"; consonant = 1; break;
      case ALEF_MAKSURA: r = "á"; break;
      case 0x0629:
        if (is_haraka(next)) {
          r = "t";
          consonant = 1;
        } else {
          r = prev == FATHA ? "h" : "a";
        }
        break;
      case WAW:
        consonant = is_haraka(next) || (prev != DAMMA && semivowel_is_consonant(atStart, prev, next));
        r = consonant ? "w" : "ū";
        break;
      case YEH:
      case FARSI_YEH:
        consonant = is_haraka(next) || (prev != KASRA && semivowel_is_consonant(atStart, prev, next));
        r = consonant ? "y" : "ī";
        break;
      case FATHA: r = next == ALEF || next == ALEF_MAKSURA || next == 0x0670 ? "" : "a"; break;
      case DAMMA: r = next == WAW && !is_haraka(peek(z, n, i + 2)) ? "" : "u"; break;
      case KASRA: r = next == YEH && !is_haraka(peek(z, n, i + 2)) ? "" : "i"; break;
      case FATHATAN: r = "an"; break;
      case 0x064C: r = "un"; break;
      case 0x064D: r = "in"; break;
      case 0x0670: r = "ā"; break;
      case 0x0640: case 0x0651: case 0x0652: case 0x0653: case 0x0654: case 0x0655: r = ""; break;
      default: break;
    }
    if (r) {
      o = put(out, o, r);
      if (consonant && !afterArticle && shadda_follows(z, n, i)) o = put(out, o, r);
    } else {
      o += (size_t)ar_utf8_encode(c, out + o);
    }
    /* The rules that look back see the vowel before a shadda. */
    if (c != 0x0651) prev = c;
    afterArticle = 0;
  }
  return o;
}

size_t ar_translit(const ArTranslitScheme *s, const char *zIn, int n, char *zOut) {
  const unsigned char *z = (const unsigned char *)zIn;
  unsigned char *out = (unsigned char *)zOut;
  size_t o = s->fwd ? translit_table(s, z, n, out) : translit_readable(z, n, out);
  out[o] = 0;
  return o;
}
