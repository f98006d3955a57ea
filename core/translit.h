/*
** Transliteration of Arabic script to Latin and back: the pure core of
** arabic_translit() and arabic_untranslit() (docs/transliteration.md has
** the tables).
**
** Schemes:
**   buckwalter       Tim Buckwalter's one-to-one ASCII scheme (Penn Arabic
**                    Treebank, Quranic corpus): reversible.
**   safe-buckwalter  the same with letters, '_' and '~' only, so the output
**                    needs no escaping in URLs, regular expressions or XML:
**                    reversible.
**   readable         a romanization for people (ALA-LC letters, al- for the
**                    article, long vowels from alef, waw and yeh): one way.
**
** Both Buckwalter schemes use ASCII letters and symbols that Latin text
** also contains, so the forward direction escapes a character of the input
** that the reverse direction would otherwise convert: it is written after
** the scheme's escape character ('\' for buckwalter, '-' for
** safe-buckwalter). An escape character of the input is doubled when what
** follows it would otherwise read as an escape. Text without Latin letters
** or escape characters comes out exactly as the standard scheme writes it,
** and untranslit(translit(x)) = x for every valid UTF-8 text x.
**
** Every function writes into a caller buffer of ar_translit_bound(n) bytes
** (one allocation per call, none per character) and never fails. Malformed
** UTF-8 becomes U+FFFD, one per bad byte.
*/
#ifndef ARABIC_TRANSLIT_H
#define ARABIC_TRANSLIT_H

#include <stddef.h>

typedef struct ArTranslitScheme ArTranslitScheme;

/* The scheme of that name, or NULL if there is none. */
const ArTranslitScheme *ar_translit_scheme(const char *zName);

/* The scheme names, comma separated, for error messages. */
#define AR_TRANSLIT_SCHEMES "buckwalter, safe-buckwalter, readable"

/* True if the scheme can be reversed by ar_untranslit(). */
int ar_translit_reversible(const ArTranslitScheme *s);

/* Bytes a caller buffer needs for nIn input bytes, in either direction,
** with room for a terminating NUL. */
static inline size_t ar_translit_bound(size_t nIn) {
  return 3 * nIn + 1;
}

/* Arabic script to the scheme. zOut holds ar_translit_bound(nIn) bytes;
** returns the number of bytes written (a NUL follows them). */
size_t ar_translit(const ArTranslitScheme *s, const char *zIn, int nIn, char *zOut);

/* The scheme back to Arabic script (s must be reversible); same contract. */
size_t ar_untranslit(const ArTranslitScheme *s, const char *zIn, int nIn, char *zOut);

#endif
