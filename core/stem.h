/*
** Light stemming for search, on words already folded by the normalizer.
**
** Two sides that must agree:
**  - the query side reduces a word to its search form: the definite
**    article with its attached prepositions (ال وال بال كال فال لل ...) and one
**    inflectional suffix (ات ة ه ها هم ...) removed, and nothing else: a
**    single-letter proclitic is never removed from a query word, so names
**    that begin with و ب ل ف ك (ويتكوف, بوتين) stay as written;
**  - the document side indexes, next to the surface word, the search form
**    of every reading of it: with and without its single-letter proclitics
**    (وبوتين -> بوتين, لترامب -> ترامب, بموسكو -> موسكو). A wrong reading
**    (بوتين -> وتين) adds a term nobody searches for and damages nothing.
**
** Every form is a substring of the word, so no buffer is ever needed.
*/
#ifndef ARABIC_STEM_H
#define ARABIC_STEM_H

#include <stdint.h>

/* A form of a word: w[start .. start+len). */
typedef struct ArForm {
  int start;
  int len;
} ArForm;

/* Readings of one word: the search form of the word itself, then of each
** proclitic reading. */
#define AR_STEM_MAX_FORMS 8

/* Both functions take a word of Arabic letters (n >= 1), as the tokenizer
** gives them. */

/* The search form of w[0..n) (query side). */
ArForm ar_stem_search_form(const uint32_t *w, int n);

/* The distinct search forms of every proclitic reading of w[0..n)
** (document side), the word's own search form first. Returns the count
** (1..AR_STEM_MAX_FORMS). */
int ar_stem_document_forms(const uint32_t *w, int n, ArForm *aForm);

/* True if w[0..n) is a built-in stop word (a function word such as في من
** على الى ان التي), with or without a leading و or ف. */
int ar_is_stop_word(const uint32_t *w, int n);

#endif
