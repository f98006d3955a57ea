/*
** Name keys: one key for the spelling variants of a name.
**
** Arabic spellings of foreign names disagree mostly on the long vowels
** written inside the word: ترامب/ترمب, زيلينسكي/زيلنيسكي, ديمتري/دميتري/
** ديميتري, أمريكي/أميركي, نتنياهو/نتانياهو. The key keeps the first and the
** last letter as they are, drops every alef and hamza inside the word, and
** replaces the inner yeh and waw by two position-free marks appended at the
** end (one ي if any inner yeh was written, one و if any inner waw was). So
** a vowel that moves or doubles does not change the key, while a vowel that
** changes does: بوتين (key بتنيو) stays apart from بوتان (key بتنو).
**
** Short words stay apart from names: a word of 3 letters or fewer, or one
** whose key would be 3 code points or fewer, is its own key (كيف, كييف,
** علي, على are four keys). The key of a longer word is never longer than
** the word.
**
** Pure C, no allocation: used by the tokenizer (option `variants 1`),
** arabic_name_key() and the entity recognizer.
*/
#ifndef ARABIC_NAMEKEY_H
#define ARABIC_NAMEKEY_H

#include <stdint.h>

/* Words of at most this many letters are their own key. */
#define AR_NAMEKEY_MIN_LETTERS 4

/* w: one word, n code points, already folded by the default normalizer
** (hamza forms on alef, ى, ة are accepted too). Writes the key, at most n
** code points, to out and returns its length; 0 when n <= 0. */
int ar_name_key(const uint32_t *w, int n, uint32_t *out);

#endif
