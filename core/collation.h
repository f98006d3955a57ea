/*
** The Arabic collation core: the comparison behind COLLATE arabic.
**
** Two strings compare as the sequences of code points the normalizer
** folds them to (the same folds as the tokenizer: harakat, tatweel and
** invisible marks dropped, alef and hamza forms grouped, teh marbuta and
** alef maksura folded, digits of both systems equal, case folded), each
** code point weighed so that Arabic letters follow dictionary order
** (ء ا ب پ ت ث ج چ ح خ د ذ ر ز ژ س ش ص ض ط ظ ع غ ف ڤ ق ك گ ل م ن ه و ي) and
** everything else follows code point order (digits, then Latin, before
** Arabic). Spaces and punctuation count.
**
** The order is a total preorder: strings compare equal exactly when they
** normalize to the same text (arabic_normalize(a) = arabic_normalize(b)),
** which is what makes it usable for indexes, GROUP BY and DISTINCT.
** The comparison streams both strings through the normalizer and stops at
** the first difference: it never allocates and cannot fail.
*/
#ifndef ARABIC_COLLATION_H
#define ARABIC_COLLATION_H

#include "normalize.h"

/* Negative, zero or positive as a sorts before, with or after b. */
int ar_collate(const ArNormalizer *n, const char *a, int na, const char *b, int nb);

#endif
