/*
** The known search forms: the forms of token format 2 that unlabeled news
** writes at least a few times (core/known_forms_data.c, made once by
** tools/build_known_forms.py). The tokenizer indexes the reading of a word
** without its proclitic only when it is a known form (بوتين in وبوتين), so
** that readings nobody searches for (وتين in بوتين, يتكوف in ويتكوف) take no
** room; the word itself is always indexed, known or not.
**
** The table is part of token format 2 (a document must give the same tokens
** when it is deleted as when it was inserted): it never changes; a new table
** comes only with a new format. Pure C, no allocation.
*/
#ifndef ARABIC_KNOWN_FORMS_H
#define ARABIC_KNOWN_FORMS_H

#include <stdint.h>

extern const int ar_known_form_count;
extern const uint32_t ar_known_form_hashes[]; /* sorted */

/* FNV-1a over the code points w[0..n), then tail when it is not 0. */
uint32_t ar_known_form_hash(const uint32_t *w, int n, uint32_t tail);

/* True if w[0..n) (+ tail) is a known form. */
int ar_is_known_form(const uint32_t *w, int n, uint32_t tail);

#endif
