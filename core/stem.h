/*
** Light stemming for search, on words already folded by the normalizer.
** Two token formats (the tokenizer's `version` option); each keeps its
** meaning forever, because its tokens are stored in users' indexes.
**
** Version 1: each word is indexed as written and, at the same position, as
** the search form of each reading of it:
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
** Version 2 indexes what a query can look up, and nothing else: the search
** form of each reading, without the surface word (a query never looks the
** surface up: it is reduced to its search form first). The search form
** keeps the feminine ending ة, so that الحديدة (Hodeidah) and الحديد (iron),
** مدرسة and مدرس stay apart; a feminine plural is read as its singular too
** (محادثات -> محادثة, and محادث for plurals of masculine nouns, انتخابات ->
** انتخاب). A final ه that was written ه is the pronoun (كتابه -> كتاب); as ة and
** ه fold together and people type ه for ة, a query word ending in a written
** ه looks up both readings. Single-letter proclitics are handled as in
** version 1. A prefix query drops the article, since no indexed form has it.
**
** Forms are substrings of the word, plus, for the singular of a feminine
** plural, the letter ة after it, so no buffer is needed here.
*/
#ifndef ARABIC_STEM_H
#define ARABIC_STEM_H

#include <stdint.h>

/* A form of a word: w[start .. start+len), then tail when it is not 0. */
typedef struct ArForm {
  int start;
  int len;
  uint32_t tail;
} ArForm;

/* Readings of one word: at most 2 forms for the word itself and for each of
** its two proclitic readings. */
#define AR_STEM_MAX_FORMS 8

/* Both version 1 functions take a word of Arabic letters (n >= 1), as the
** tokenizer gives them. */

/* Version 1: the search form of w[0..n) (query side). */
ArForm ar_stem_search_form(const uint32_t *w, int n);

/* Version 1: the distinct search forms of every proclitic reading of w[0..n)
** (document side), the word's own search form first. Returns the count
** (1..AR_STEM_MAX_FORMS). */
int ar_stem_document_forms(const uint32_t *w, int n, ArForm *aForm);

/* A word for version 2: its letters, and what the folds hid. */
typedef struct ArStemWord {
  const uint32_t *w;
  int n;          /* >= 1 */
  int tehMarbuta; /* the last letter was written ة (the folds may have made it ه) */
  uint32_t teh;   /* the letter ة folds to: ه, or ة itself with teh_marbuta 0 */
} ArStemWord;

/* Which side of the index asks (version 2). */
#define AR_STEM_QUERY    0 /* the forms a query word looks up (ORed) */
#define AR_STEM_DOCUMENT 1 /* the forms a document word is indexed under */
#define AR_STEM_PREFIX   2 /* the forms the last word of a prefix query looks up */

/* A word of at most this many letters has no affix to remove: its only form
** is itself (version 2). */
#define AR_STEM_MIN_AFFIXED 3

/* Version 2: the distinct forms of s for side, the main one first. Returns
** the count (1..AR_STEM_MAX_FORMS). */
int ar_stem_forms(const ArStemWord *s, int side, ArForm *aForm);

/* True if w[0..n) is a built-in stop word (a function word such as في من
** على الى ان التي), with or without a leading و or ف. */
int ar_is_stop_word(const uint32_t *w, int n);

#endif
