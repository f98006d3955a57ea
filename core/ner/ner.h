/*
** The named-entity core shared by arabic_entities() (core/ner/entities.c)
** and the trainer (tools/train_ner.c): tokens, gazetteers, features, the
** tagging model and its decoder. The trainer and the extension compute
** features with the same code, so a model sees at run time exactly what it
** was trained on.
**
** Pure C: no SQLite calls but the allocator (alloc.h).
*/
#ifndef ARABIC_NER_H
#define ARABIC_NER_H

#include <stdint.h>

#include "../normalize.h"

/* Entity types, as arabic_entities() names them. */
#define AR_ENT_NONE     0
#define AR_ENT_PERSON   1
#define AR_ENT_LOCATION 2
#define AR_ENT_ORG      3
#define AR_ENT_MISC     4 /* learned from the training data, never reported */
#define AR_ENT_DATE     5
#define AR_ENT_NTYPES   6

/* Tagging labels: O, then B and I of PERSON, LOCATION, ORG, MISC. */
#define AR_NER_NLABELS 9
#define AR_LABEL_O 0
#define AR_LABEL_B(type) (2 * (type) - 1)
#define AR_LABEL_I(type) (2 * (type))
#define AR_LABEL_TYPE(label) (((label) + 1) / 2)
#define AR_LABEL_IS_B(label) ((label) % 2 == 1)

/* Bits of a token's gazetteer hits (features and rules). */
#define AR_GZ_PERSON      0x0001 /* a built-in person's name word */
#define AR_GZ_LOCATION    0x0002
#define AR_GZ_ORG         0x0004
#define AR_GZ_TITLE       0x0008 /* الرئيس, وزير, المتحدث ... */
#define AR_GZ_SPEECH      0x0010 /* قال, أعلن ... */
#define AR_GZ_ORG_TRIGGER 0x0020 /* وزارة, وكالة, شركة ... */
#define AR_GZ_LOC_TRIGGER 0x0040 /* مدينة, العاصمة ... */
#define AR_GZ_MONTH       0x0080
#define AR_GZ_WEEKDAY     0x0100
#define AR_GZ_MONTH_AMBIG 0x0200 /* a month name that is also a common word */
#define AR_GZ_FIRST_NAME  0x0400 /* a given name */
#define AR_GZ_COUNTRY_ADJ 0x0800 /* الأمريكية, الروسي ... */
#define AR_GZ_NBITS       12
/* Bits of the rules only (not features). */
#define AR_GZ_FUNCTION    0x4000 /* a function word: never starts or ends a name */
#define AR_GZ_MEDIA       0x8000 /* a trigger whose name follows it (صحيفة) */
#define AR_GZ_MEDIA_NAME  0x10000 /* a word that ends a medium's name (أف أم, برس, نيوز) */
#define AR_GZ_ORGAN       0x20000 /* an organ of a body, not a name by itself (المكتب السياسي) */
#define AR_GZ_WEAK_TRIGGER 0x40000 /* a trigger that is a common noun too: opens a name before a nisba (جبهة) */
#define AR_GZ_WORK        0x80000 /* a word before the title of a work (برنامج, فيلم) */
#define AR_GZ_PLACE_NISBA 0x100000 /* the adjective of a listed town (الفاسي, الصفاقسي) */
#define AR_GZ_CLUB        0x200000 /* a word that names a club before a town's adjective (النجم, المولودية) */
#define AR_GZ_SPORT       0x400000 /* a word before a club named for its town (لاعب, فريق) */
#define AR_GZ_DATE_PERIOD 0x800000 /* العام, الشهر: a date with a year or الماضي after it */
#define AR_GZ_DATE_RELATIVE 0x1000000 /* الماضي, المقبل */
#define AR_GZ_YEAR_OPENER 0x2000000 /* في, منذ, مطلع: a year after it is a date */
#define AR_GZ_NUMBER      0x4000000 /* مليون, ألف: the word after it is a unit */
#define AR_GZ_PLACE_SPELLED 0x8000000 /* a one-word place as the list spells it (not only its name key) */
#define AR_GZ_COMMON_PLACE 0x10000000 /* a place that is a common word too (السلط, مشهد) */
#define AR_GZ_PLACE_HEAD  0x20000000 /* a word that opens a town's name (سيدي, منزل) */
#define AR_GZ_GENERIC_BODY 0x40000000 /* a body every town has (المحكمة الابتدائية): two words */
#define AR_GZ_BROADCAST   0x80000000u /* مداخلة, ضيف: a programme's name follows */
/* Position of the token in a gazetteer name match (features). */
#define AR_GZ_BEGIN       0x1000
#define AR_GZ_INSIDE      0x2000

/* The longest name the gazetteers match, in words. */
#define AR_NAME_MAX_WORDS 6

/* One token of the text: a word (letters, digits) or one punctuation mark. */
typedef struct ArNerToken {
  int iByte, nByte;    /* span in the input, bytes */
  int iChar, nChar;    /* span in the input, characters (0-based) */
  int iFold, nFold;    /* folded form: offsets into ArNerText.zFold (UTF-8) */
  int iCp, nCp;        /* folded form as code points: offsets into ArNerText.aCp */
  int nProc;          /* code points of the proclitics و ف ب ك ل (لل counts 2) */
  int nAl;             /* 2 when the article ال follows them, else 0 */
  int restoreAl;       /* 1 when the proclitics end in لل: the name is ال + rest */
  int nConj;           /* 1 when the proclitics start with the conjunction و or ف */
  int iKey, nKey;      /* name key of the whole word: offsets into ArNerText.zFold */
  int isWord;          /* 0 for punctuation */
  unsigned shape;      /* AR_SHAPE_* */
  unsigned gaz;        /* AR_GZ_* bits */
  unsigned gazWhole;   /* the name-word bits of the whole word (proclitics kept) */
  unsigned gazBare;    /* the name-word bits of the word without its proclitics */
  int gazType;         /* AR_ENT_* of the gazetteer name covering the token */
  int gazEntry;        /* -1, or the entry of a name starting here (ArNerText.aMatch) */
  uint32_t lex;        /* the lexicon's value (core/lexicon.h) of the word, else of the
                       ** word without its proclitics; 0: neither is known */
  uint32_t lexWhole;   /* the lexicon's value of the word as written, or 0 */
} ArNerToken;

#define AR_SHAPE_ARABIC 1
#define AR_SHAPE_DIGITS 2
#define AR_SHAPE_LATIN  3
#define AR_SHAPE_MIXED  4
#define AR_SHAPE_PUNCT  5

/* A gazetteer name found in the text. */
typedef struct ArNerMatch {
  int iTok, nTok;         /* tokens covered */
  int type;               /* AR_ENT_* */
  int stripFirst;         /* code points of the first token's proclitics left out of the name */
  int addedAl;            /* the list writes the name without the article the text gives it (الفيسبوك) */
  const char *zCanon;     /* canonical (not NUL-terminated), or NULL */
  int nCanon;
  int fromUser;           /* 1 for the user's table arabic_gazetteer */
} ArNerMatch;

/* A tokenized text with everything the features need. */
typedef struct ArNerText {
  const char *z;          /* the input (not owned) */
  int n;
  ArNerToken *aTok;
  int nTok, nTokAlloc;
  char *zFold;            /* folded forms, NUL after each */
  int nFold, nFoldAlloc;
  uint32_t *aCp;          /* folded code points */
  int *aCpChar;           /* for each: the input character it comes from */
  int *aCpByte;           /* for each: the input byte offset it comes from */
  int nCp, nCpAlloc;
  ArNerMatch *aMatch;
  int nMatch, nMatchAlloc;
  uint32_t *aHash;        /* per token: the hashes features combine (ar_ner_annotate) */
} ArNerText;

/* A table of names (built-in or the user's): name keys of the words -> entry. */
typedef struct ArNameEntry {
  uint64_t h;             /* hash of the words' keys; 0: empty slot */
  const char *zCanon;     /* canonical of a built-in name, or NULL */
  int iPool;              /* canonical of a user name: offset in zPool, or -1 */
  int nCanon;
  unsigned char type;     /* AR_ENT_* or, for word lists, AR_GZ_* bits in bits */
  unsigned char nWords;
  unsigned bits;
} ArNameEntry;

typedef struct ArNameTable {
  ArNameEntry *a;
  unsigned mask;          /* slots - 1 */
  int nUsed;
  int maxWords;
  char *zPool;            /* canonical strings of a user table (owned) */
  int nPool, nPoolAlloc;
} ArNameTable;

/* Tokenize z[0..n) and fold each token; the text is ready for
** ar_ner_annotate(). Returns AR_OK or AR_NOMEM. */
int ar_ner_tokenize(const ArNormalizer *norm, const char *z, int n, ArNerText *t);
void ar_ner_text_free(ArNerText *t);

/* Gazetteer bits of every token and the names the tables find (the user's
** table first, may be NULL). Returns AR_OK or AR_NOMEM. */
int ar_ner_annotate(ArNerText *t, const ArNameTable *user);

/* The built-in tables (built on first use; NULL only when out of memory). */
const ArNameTable *ar_ner_builtin_names(void);
const ArNameTable *ar_ner_builtin_words(void);
/* Is token i, with or without its proclitics, a built-in name of one word
** as its list spells it (not only a word of the same name key)? */
int ar_ner_spelled_as_listed(const ArNerText *t, int i);
/* Give the built-in tables back (the next use builds them again). Only
** when nothing uses them: the SQL layer calls it when its last connection closes. */
void ar_ner_builtin_release(void);

/* A user table. ar_name_table_add returns AR_OK, AR_NOMEM, or 1 when the name
** has no word. */
int ar_name_table_init(ArNameTable *tab, int nSlots);
int ar_name_table_add(ArNameTable *tab, const ArNormalizer *norm, const char *zName, int nName,
                      int type, const char *zCanon, int nCanon);
const ArNameEntry *ar_name_table_find(const ArNameTable *tab, uint64_t h);
/* The canonical of an entry (not NUL-terminated; *pn its length), or NULL. */
const char *ar_name_entry_canonical(const ArNameTable *tab, const ArNameEntry *e, int *pn);
void ar_name_table_free(ArNameTable *tab);

/* Hash of a sequence of words, fed word by word. */
#define AR_HASH_INIT 1469598103934665603ULL
uint64_t ar_hash_bytes(uint64_t h, const void *p, int n);

/* Hash the strings of every token that features use (ar_ner_annotate
** calls it). Returns AR_OK or AR_NOMEM. */
int ar_ner_hash_tokens(ArNerText *t);

/* Features of token i: up to AR_NER_MAX_FEATURES 32-bit hashes. */
#define AR_NER_MAX_FEATURES 96
#define AR_NER_FEATURES_VERSION 9
int ar_ner_features(const ArNerText *t, int i, uint32_t *aFeat);
/* The same features with those of few values (AR_NER_NDENSE rows in all)
** as rows, *pnRow of them in aRow; returns the number of hashed ones. */
#define AR_NER_NDENSE 18812
int ar_ner_features_split(const ArNerText *t, int i, uint32_t *aHash, uint16_t *aRow, int *pnRow);
/* The hashed feature of dense row k, as ar_ner_features() gives it. */
uint32_t ar_ner_dense_key(int row);

/* Document features: a second pass of the tagger reads the labels the
** first pass gave to the other mentions of the same word (its form without
** proclitics) in the text, when one of them is a name (Krishnan and Manning
** 2006). ar_ner_doc_key is that word's key (0 for punctuation);
** ar_ner_doc_features makes the features of aOther, the count of the other
** mentions of each type (AR_ENT_NONE .. AR_ENT_MISC), into aFeat, and
** returns how many (none when there is no other mention). */
#define AR_NER_DOC_TYPES 5
#define AR_NER_MAX_DOC_FEATURES 5
uint32_t ar_ner_doc_key(const ArNerText *t, int i);
int ar_ner_doc_features(const int *aOther, uint32_t *aFeat);

/* The tagging model: weights of (feature, label) and label transitions. */
typedef struct ArNerModel {
  int nFeat;
  const uint32_t *aKey;       /* sorted feature hashes */
  const int16_t *aWeight;     /* nFeat * AR_NER_NLABELS */
  const int16_t *aTrans;      /* (AR_NER_NLABELS + 1) * AR_NER_NLABELS, row AR_NER_NLABELS: start */
  /* open-addressing index built at load: (key, feature) pairs, so that a
  ** look-up touches one cache line; feature -1: empty slot */
  uint32_t *aSlot;
  unsigned mask;
  uint64_t *aBloom;       /* one bit per hashed key: most features are unknown, and
                          ** this small table answers for them without a cache miss */
  int aAllowed[(AR_NER_NLABELS + 1) * AR_NER_NLABELS]; /* transitions, NEG_INF when forbidden */
  int16_t *aDense;        /* AR_NER_NDENSE * AR_NER_NLABELS: the weights of the features of few
                          ** values (ar_ner_features_split), zeros for those the model has none of */
} ArNerModel;

/* The data of a model, as tools/train_ner.c writes it. */
typedef struct ArNerModelData {
  uint32_t magic;             /* AR_NER_MODEL_MAGIC */
  int featuresVersion;        /* AR_NER_FEATURES_VERSION at training */
  int nLabels;                /* AR_NER_NLABELS */
  int nFeat;
  const uint32_t *aKey;
  const int16_t *aWeight;
  const int16_t *aTrans;
  uint32_t checksum;          /* ar_ner_model_checksum() of the above */
  uint32_t lexiconChecksum;   /* the checksum of the lexicon its features read (core/lexicon.h) */
} ArNerModelData;

#define AR_NER_MODEL_MAGIC 0x4E455241u /* "ARNE" */

/* The shipped model (core/ner/ner_model.c). */
extern const ArNerModelData ar_ner_model_data;

/* Check a model's data (magic, version, labels, sorted keys, checksum, and
** the lexicon it was trained with) and index it. Returns AR_OK, AR_NOMEM, or 1 with *pzErr set (static text). */
int ar_ner_model_open(const ArNerModelData *d, ArNerModel *m, const char **pzErr);
void ar_ner_model_close(ArNerModel *m);
uint32_t ar_ner_model_checksum(const ArNerModelData *d);

/* The weights of a feature (AR_NER_NLABELS of them), or NULL. */
const int16_t *ar_ner_weights(const ArNerModel *m, uint32_t key);
/* The feature "this word" of token i (to ask the model what it knows of a word),
** and "this word's class" (the lexicon's). */
uint32_t ar_ner_word_feature(const ArNerText *t, int i);
uint32_t ar_ner_class_feature(const ArNerText *t, int i);
/* The feature "this word's class" of a word the lexicon holds as lex (0: not held). */
uint32_t ar_ner_lexicon_class_feature(uint32_t lex);
/* The model's score of each label for token i alone (no transitions). AR_OK. */
int ar_ner_emissions(const ArNerModel *m, const ArNerText *t, int i, int *aEmit);

/* Best label sequence of tokens [0, nTok) under the model (Viterbi),
** I-X only after B-X or I-X, then again with the document features of the
** first sequence. aLabel receives nTok labels. */
int ar_ner_decode(const ArNerModel *m, const ArNerText *t, unsigned char *aLabel);

/* The lists of ner_gazetteer_data.c. */
extern const char ar_gaz_persons[], ar_gaz_locations[], ar_gaz_organizations[], ar_gaz_titles[],
    ar_gaz_speech[], ar_gaz_org_triggers[], ar_gaz_loc_triggers[], ar_gaz_months[],
    ar_gaz_weekdays[], ar_gaz_first_names[], ar_gaz_country_adjectives[], ar_gaz_function_words[],
    ar_gaz_media_triggers[], ar_gaz_media_names[], ar_gaz_organs[],
    ar_gaz_weak_triggers[], ar_gaz_works[], ar_gaz_clubs[], ar_gaz_sports[], ar_gaz_date_periods[],
    ar_gaz_date_relatives[], ar_gaz_year_openers[], ar_gaz_numbers[], ar_gaz_common_places[],
    ar_gaz_place_heads[], ar_gaz_generic_bodies[], ar_gaz_broadcast[], ar_gaz_late_locations[],
    ar_gaz_late_organizations[], ar_gaz_late_persons[];

#endif
