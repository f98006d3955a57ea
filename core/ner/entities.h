/*
** arabic_entities() core: people, places, organizations and dates of a
** text, each with one canonical name per entity across the text.
**
** Pipeline: tokens and proclitics (ner_text.c) -> gazetteer names, the
** user's first (ner_text.c) -> the statistical tagger (ner_decode.c) ->
** names merged into the tagger's spans -> dates by rule -> the span as
** written without its proclitic -> canonical names: a gazetteer's
** canonical, else the longest mention of the same name in the text (a
** person's surname alone joins the full name: ترامب -> دونالد ترامب), with
** spelling variants joined by name key (ترمب = ترامب).
*/
#ifndef ARABIC_ENTITIES_H
#define ARABIC_ENTITIES_H

#include "ner.h"

typedef struct ArEntity {
  int type;            /* AR_ENT_PERSON, LOCATION, ORG, DATE */
  int iByte, nByte;    /* the entity as written, proclitic excluded */
  int iChar, nChar;    /* the same in characters, 0-based */
  int iTok, nTok;      /* tokens */
  int iCanon, nCanon;  /* canonical name: bytes in ArEntityList.zPool */
} ArEntity;

typedef struct ArEntityList {
  ArEntity *a;
  int n, nAlloc;
  char *zPool;
  int nPool, nPoolAlloc;
} ArEntityList;

/* The name of an entity type ("PERSON" ...), or NULL. */
const char *ar_entity_type_name(int type);
/* Writes the _ between the words of a hashtag (#الولايات_المتحدة) as spaces,
** as the entity and its canonical give them. */
void ar_entity_hashtag_spaces(char *z, int n);
/* The type of a name (case-insensitive; PERSON, LOCATION, ORGANIZATION), or 0. */
int ar_entity_type_of(const char *z, int n);

/* Find the entities of z[0..n). user: the user's names, or NULL. On success
** the caller frees *pOut with ar_entities_free(). Returns AR_OK or
** AR_NOMEM. */
int ar_entities_extract(const ArNormalizer *norm, const ArNerModel *model, const ArNameTable *user,
                        const char *z, int n, ArEntityList *pOut);
void ar_entities_free(ArEntityList *p);

#endif
