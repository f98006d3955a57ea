/*
** The Arabic tokenizer core: the tokens of UTF-8 text, folded and stemmed,
** with byte offsets into the original. Pure C (no SQLite calls, no
** allocation): the FTS5 tokenizer, arabic_tokens(), arabic_stem() and
** arabic_query() are thin wrappers around ar_tokenize(), so the index, the
** query and the SQL functions always agree.
**
** Words are those of the segmenter (segment.h), shared with the entity
** engine and the name keys; a longer word is indexed by its first
** AR_MAX_WORD_CHARS characters. What is the tokenizer's own: the one-word
** delay that finds the last word of a prefix query, the readings of each
** word (stem.h), the name-key terms (variants 1), the stop words.
*/
#ifndef ARABIC_TOKENIZE_H
#define ARABIC_TOKENIZE_H

#include "normalize.h"
#include "options.h"

/* Flags: the same values as FTS5_TOKENIZE_* and FTS5_TOKEN_COLOCATED. */
#define AR_TOKENIZE_QUERY    0x0001
#define AR_TOKENIZE_PREFIX   0x0002
#define AR_TOKENIZE_DOCUMENT 0x0004
#define AR_TOKENIZE_AUX      0x0008
#define AR_TOKEN_COLOCATED   0x0001

/* The prefix of name-key terms (variants 1): '~' never occurs in a word. */
#define AR_NAME_KEY_MARK '~'

typedef struct ArTokenizer {
  ArOptions opts;
  ArNormalizer norm;
} ArTokenizer;

/* Receives each token: its text, and the byte range [iStart, iEnd) of the
** word in the input. A non-zero return stops ar_tokenize(), which returns it. */
typedef int (*ArTokenFn)(void *pCtx, int tflags, const char *pToken, int nToken, int iStart,
                         int iEnd);

void ar_tokenizer_init(ArTokenizer *t, const ArOptions *opts);

/* Tokenize z[0..n) for flags (AR_TOKENIZE_*). Returns 0 or xToken's code.
** Both formats: AUX (auxiliary functions: highlight, snippet, bm25) gives one
** token per position of the DOCUMENT stream, with its byte offsets: the
** folded word as written, unstemmed, never a COLOCATED token.
** Format 1: DOCUMENT gives each word's surface form, then its stemmed
** readings and (variants 1) their name keys, '~' + key, as COLOCATED tokens.
** QUERY gives one token per word: the search form, or the folded word as
** written when it is the last word of a PREFIX query, or, after a '~' and
** with variants 1, '~' + the name key of its search form (without variants 1
** the '~' is ignored).
** Format 2: DOCUMENT gives each word's search forms (stem.h), then (variants
** 1) the name keys that differ from them, COLOCATED after the first; QUERY
** the forms a word looks up, COLOCATED (ORed) after the first, or after a
** '~' with variants 1 the keys. */
int ar_tokenize(const ArTokenizer *t, void *pCtx, int flags, const char *z, int n, ArTokenFn xToken);

#endif
