/*
** Name keys: one key for the spelling variants of a name.
**
** Arabic spellings of foreign names disagree mostly on the long vowels
** written inside the word: ترامب/ترمب, زيلينسكي/زيلنيسكي, ديمتري/دميتري/
** ديميتري, أمريكي/أميركي, نتنياهو/نتانياهو. The key keeps the first and the
** last letter, drops every alef, hamza, yeh and waw inside the word, and
** appends a mark for the inner yeh and waw that were written: ى if any inner
** yeh was, ؤ if any inner waw was (letters the default folds remove, so a
** key with marks never equals a word). A vowel that moves or doubles keeps
** the key; a vowel that changes does not (ترامب and ترمب give ترمب;
** ديمتري gives دمتريى; بوتين stays apart from بوتان).
**
** Short words stay apart from names: a word of 3 letters or fewer is its own
** key, unchanged (so علي and على are two keys when the caller kept ى); a
** longer word whose skeleton (the key without its marks and without a
** leading ال) has fewer than 4 letters is its own key too, folded (كيف,
** كييف, بوتين, بوتان, العالم, العلم are six keys). A key is never longer
** than its word.
**
** Pure C, no allocation: used by the tokenizer (option `variants 1`),
** arabic_name_key() and the entity recognizer.
*/
#ifndef ARABIC_NAMEKEY_H
#define ARABIC_NAMEKEY_H

#include <stdint.h>

/* Words of fewer letters are their own key. */
#define AR_NAMEKEY_MIN_LETTERS 4
/* Words whose skeleton has fewer letters are their own key. */
#define AR_NAMEKEY_MIN_SKELETON 4
/* The marks of inner yeh and inner waw. */
#define AR_NAMEKEY_YEH_MARK 0x0649
#define AR_NAMEKEY_WAW_MARK 0x0624

/* w: one word, n code points, already folded by the default normalizer
** (hamza forms on alef, ى, ة are accepted too). Writes the key, at most n
** code points, to out and returns its length; 0 when n <= 0. */
int ar_name_key(const uint32_t *w, int n, uint32_t *out);

/* The key of "~name" searches (the tokenizer's variants 1): the name key with
** three more readings of how foreign names are written, which would blur the
** entity engine's features, so it keeps ar_name_key():
**  - a final ش of a name whose key is not itself is written س too
**    (غوتيريش, غوتيريس);
**  - the J of Chinese and Korean names ending in نغ is written ج or ي (جونغ,
**    يونغ);
**  - in a word that is its own key, of 5 letters or more without its article,
**    a yeh right before the last letter after a consonant is often left out
**    (بوتين, بوتن; ميونيخ, ميونخ), but not before ة, ا or ي (الدولية is not
**    الدولة) nor in the verbal nouns تفعيل (توقيع is not توقع);
** and it keeps a yeh before a last yeh, a hamza seat (خامنئي, which stays
** apart from خميني). Pairs a rule cannot tell share a key: باسيل and باسل. */
int ar_name_key_search(const uint32_t *w, int n, uint32_t *out);

#endif
