/*
** The 'arabic' tokenizer through the real fts5_api: table-driven vectors
** of (input, arguments, flags, expected tokens with byte offsets), in the
** style of Signal's FTS5 extension tests; then callback codes, AUX positions equal to
** DOCUMENT's, and hard inputs.
*/
#include <stdlib.h>
#include <string.h>

#include <sqlite3.h>

#include "../../core/known_forms.h"
#include "../../ext/sqlite_arabic.h"
#include "fts5_lookup.h"
#include "testlib.h"

#define DOC   FTS5_TOKENIZE_DOCUMENT
#define QUERY FTS5_TOKENIZE_QUERY
#define PREFIX (FTS5_TOKENIZE_QUERY | FTS5_TOKENIZE_PREFIX)
#define AUX   FTS5_TOKENIZE_AUX

typedef struct Vector {
  const char *zName;
  const char *zArgs; /* tokenizer arguments, space separated */
  int flags;
  const char *zIn;
  const char *zWant; /* "token@start:end" per token, '+' before a colocated one */
} Vector;

static const Vector aVector[] = {
    {"harakat and shadda stay inside one word", "version 1", DOC, "مُحَمَّدٌ", "محمد@0:18"},
    {"tatweel inside a word", "version 1", DOC, "بوتــين", "بوتين@0:14 +وتين@0:14"},
    {"proclitic readings are colocated", "version 1", DOC, "وبوتين لترامب بموسكو",
     "وبوتين@0:12 +بوتين@0:12 +وتين@0:12 لترامب@13:25 +ترامب@13:25 بموسكو@26:38 +موسكو@26:38"},
    {"article and plural", "version 1", DOC, "والمفاوضات", "والمفاوضات@0:20 +مفاوض@0:20"},
    {"names keep their surface", "version 1", DOC, "ويتكوف الكرملين زيلينسكي",
     "ويتكوف@0:12 +يتكوف@0:12 الكرملين@13:29 +كرملين@13:29 زيلينسكي@30:46"},
    {"query side: search form, no proclitic removed", "version 1", QUERY, "المفاوضات بوتين ويتكوف",
     "مفاوض@0:18 بوتين@19:29 ويتكوف@30:42"},
    {"prefix query: last word as written, folded", "version 1", PREFIX, "المفاوضات اوكرانيـ",
     "مفاوض@0:18 اوكراني@19:35"},
    {"punctuation separates words", "version 1", DOC, "«كييف»،موسكو؟", "كييف@2:10 +ييف@2:10 موسكو@14:24"},
    {"arabic letters and digits split", "version 1", DOC, "لـ3 ٢٠٢٢م", "ل@0:4 3@4:5 2022@6:14 م@14:16"},
    {"latin words as unicode61 remove_diacritics 2", "version 1", DOC, "Élan F16 NATO's", "elan@0:5 f16@6:9 nato@10:14 s@15:16"},
    {"script change splits", "version 1", DOC, "بوتينPutin", "بوتين@0:10 +وتين@0:10 putin@10:15"},
    {"invisible marks inside a word", "version 1", DOC, "بو\xe2\x80\x8cتين", "بوتين@0:13 +وتين@0:13"},
    {"lam-alef ligature", "version 1", DOC, "ﻻ", "لا@0:3"},
    {"stem 0 indexes the folded word only", "version 1 stem 0", DOC, "والمفاوضات", "والمفاوضات@0:20"},
    {"stem 0 on the query side", "version 1 stem 0", QUERY, "المفاوضات", "المفاوضات@0:18"},
    {"alef 0 keeps hamza forms", "version 1 alef 0 stem 0", DOC, "أحمد", "أحمد@0:8"},
    {"stop words dropped with stopwords 1", "version 1 stopwords 1", DOC, "في الحرب على", "الحرب@5:15 +حرب@5:15"},
    {"malformed UTF-8 separates words", "version 1", DOC, "ب\xff" "ت\xc0\xaf" "ث", "ب@0:2 ت@3:5 ث@7:9"},
    {"embedded NUL separates words", "version 1", DOC, "ا", "ا@0:2"},
    {"emoji are separators", "version 1", DOC, "سلام👋عليكم", "سلام@0:8 عليكم@12:22 +علي@12:22"},
    {"empty input", "version 1", DOC, "", ""},
    {"only marks", "version 1", DOC, "َ ُ ـ", ""},
    {"variants 1 adds the name key of each reading", "version 1 variants 1", DOC, "لترامب",
     "لترامب@0:12 +ترامب@0:12 +~لترمب@0:12 +~ترمب@0:12"},
    {"variants 1: a key shared by two readings once", "version 1 variants 1", DOC, "ترمب", "ترمب@0:8 +~ترمب@0:8"},
    {"variants 1: '~' asks for the name key", "version 1 variants 1", QUERY, "~ترامب ترامب", "~ترمب@1:11 ترامب@12:22"},
    {"without variants 1 '~' is ignored", "version 1", QUERY, "~ترامب", "ترامب@1:11"},
    {"variants 1: short words are their own key", "version 1 variants 1", DOC, "كيف", "كيف@0:6 +~كيف@0:6"},
    {"future particle before a verb", "version 1", DOC, "سيقول", "سيقول@0:10 +يقول@0:10"},
    {"decomposed hamza composes", "version 1 alef 0 stem 0", DOC, "ا\xd9\x94حمد", "أحمد@0:10"},
    /* version 2 (the default): what a query can look up, and nothing else */
    {"v2: one form per reading, no surface", "", DOC, "وبوتين لترامب بموسكو",
     "وبوتين@0:12 +بوتين@0:12 لترامب@13:25 +ترامب@13:25 بموسكو@26:38 +موسكو@26:38"},
    {"v2: a name is one token: a reading without a proclitic only when it is a known word", "", DOC,
     "بوتين ويتكوف الكرملين زيلينسكي", "بوتين@0:10 ويتكوف@11:23 كرملين@24:40 زيلينسكي@41:57"},
    {"v2: a known reading is kept, as in version 1", "", DOC, "كمال", "كمال@0:8 +مال@0:8"},
    {"v2: the article goes, ة stays", "", DOC, "الحديدة الحديد", "حديده@0:14 حديد@15:27"},
    {"v2: a feminine plural is its singular", "", DOC, "والمفاوضات محادثات", "مفاوضه@0:20 محادثه@21:35"},
    {"v2: a pronoun goes, the ة before it comes back", "", DOC, "كتابه عاصمتها",
     "كتاب@0:10 عاصمه@11:25 +عاصمت@11:25"},
    {"v2: a plural before a pronoun", "", DOC, "مقالاته", "مقاله@0:14"},
    {"v2: ة written as ة, also in a presentation form", "", DOC, "مدرسة مدرس\xef\xba\x94", "مدرسه@0:10 مدرسه@11:22"},
    {"v2: teh_marbuta 0 keeps ة in the forms", "teh_marbuta 0", DOC, "المحادثات", "محادثة@0:18"},
    {"v2 query: the search form", "", QUERY, "الحديدة بوتين ويتكوف", "حديده@0:14 بوتين@15:25 ويتكوف@26:38"},
    {"v2 query: a written ه is the pronoun or a ة typed so", "", QUERY, "كتابه الحكومه",
     "كتابه@0:10 +كتاب@0:10 حكومه@11:25 +حكوم@11:25"},
    {"v2 query: no proclitic removed", "", QUERY, "والمفاوضات وبوتين", "مفاوضه@0:20 وبوتين@21:33"},
    {"v2 prefix: the article goes", "", PREFIX, "الحديدة الانتخاب", "حديده@0:14 انتخاب@15:31"},
    {"v2 prefix: a complete word finds its forms", "", PREFIX, "المحادثات", "محادثات@0:18 +محادثه@0:18"},
    {"v2 prefix: too short for an article", "", PREFIX, "ال", "ال@0:4"},
    {"v2 prefix: a pronoun", "", PREFIX, "كتابه", "كتاب@0:10"},
    {"v2 stem 0: the folded word", "stem 0", DOC, "والمفاوضات", "والمفاوضات@0:20"},
    {"v2 variants 1: a key only where it is not the form", "variants 1", DOC, "لترامب ترمب كيف",
     "لترامب@0:12 +ترامب@0:12 +~لترمب@0:12 +~ترمب@0:12 ترمب@13:21 كيف@22:28"},
    {"v2 variants 1: '~' asks for the key, and for the word that is its own key", "variants 1", QUERY,
     "~ترامب ~ديمتري ترامب", "~ترمب@1:11 +ترمب@1:11 ~دمتريى@13:25 ترامب@26:36"},
    {"v2 stop words", "stopwords 1", DOC, "في الحرب على", "حرب@5:15"},
    {"v2 future particle", "", DOC, "سيقول", "سيقول@0:10 +يقول@0:10"},
};

typedef struct Capture {
  char z[4096];
  int n;
} Capture;

static int capture(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  Capture *c = pCtx;
  c->n += snprintf(c->z + c->n, sizeof(c->z) - (size_t)c->n, "%s%s%.*s@%d:%d", c->n ? " " : "",
                   (tflags & FTS5_TOKEN_COLOCATED) ? "+" : "", nToken, pToken, iStart, iEnd);
  if (c->n >= (int)sizeof(c->z)) c->n = (int)sizeof(c->z) - 1;
  return SQLITE_OK;
}

typedef struct Tok {
  fts5_tokenizer x;
  Fts5Tokenizer *p;
} Tok;

static int tok_open(fts5_api *api, const char *zArgs, Tok *t) {
  char zBuf[256];
  const char *azArg[16];
  int nArg = 0;
  void *pUser;
  char *z = zBuf;
  snprintf(zBuf, sizeof(zBuf), "%s", zArgs);
  while (*z) {
    while (*z == ' ') *z++ = 0;
    if (!*z) break;
    azArg[nArg++] = z;
    while (*z && *z != ' ') z++;
  }
  if (api->xFindTokenizer(api, "arabic", &pUser, &t->x) != SQLITE_OK) return SQLITE_ERROR;
  return t->x.xCreate(pUser, azArg, nArg, &t->p);
}

static void test_vectors(fts5_api *api) {
  size_t i;
  for (i = 0; i < sizeof(aVector) / sizeof(aVector[0]); i++) {
    const Vector *v = &aVector[i];
    Capture c = {"", 0};
    Tok t;
    int n = (int)strlen(v->zIn);
    if (strcmp(v->zName, "embedded NUL separates words") == 0) n = 3; /* "\0" then alef */
    if (tok_open(api, v->zArgs, &t) != SQLITE_OK) {
      test_result(0, v->zName);
      continue;
    }
    if (n == 3 && v->zIn[0] != 0) {
      static const char zNul[] = {0, (char)0xD8, (char)0xA7};
      check_int("tokenize with NUL", t.x.xTokenize(t.p, &c, v->flags, zNul, 3, capture), SQLITE_OK);
      check_str(v->zName, c.z, "ا@1:3");
    } else {
      check_int(v->zName, t.x.xTokenize(t.p, &c, v->flags, v->zIn, n, capture), SQLITE_OK);
      check_str(v->zName, c.z, v->zWant);
    }
    t.x.xDelete(t.p);
  }
}

static const char *aBadArgs[] = {"bogus 1", "stem", "stem 2", "alef yes", "version 3", "version 0", "stem 1 stem"};

static void test_bad_arguments(fts5_api *api) {
  size_t i;
  for (i = 0; i < sizeof(aBadArgs) / sizeof(aBadArgs[0]); i++) {
    Tok t;
    char zName[80];
    t.p = (Fts5Tokenizer *)1;
    snprintf(zName, sizeof(zName), "arguments '%s' are refused", aBadArgs[i]);
    check_int(zName, tok_open(api, aBadArgs[i], &t), SQLITE_ERROR);
    check_int("and no object is left", t.p == 0, 1);
  }
}

static int stop_after_two(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  (void)tflags; (void)pToken; (void)nToken; (void)iStart; (void)iEnd;
  return ++*(int *)pCtx == 2 ? SQLITE_DONE : SQLITE_OK;
}

static int fail_at_once(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  (void)tflags; (void)pToken; (void)nToken; (void)iStart; (void)iEnd;
  ++*(int *)pCtx;
  return SQLITE_NOMEM;
}

static void test_callback_codes(fts5_api *api) {
  Tok t;
  int n = 0;
  const char *z = "واحد اثنان ثلاثة اربعة";
  tok_open(api, "", &t);
  check_int("SQLITE_DONE from xToken becomes SQLITE_OK",
            t.x.xTokenize(t.p, &n, DOC, z, (int)strlen(z), stop_after_two), SQLITE_OK);
  check_int("and stops at once", n, 2);
  n = 0;
  check_int("an error from xToken is returned",
            t.x.xTokenize(t.p, &n, QUERY, z, (int)strlen(z), fail_at_once), SQLITE_NOMEM);
  check_int("and stops at once", n, 1);
  t.x.xDelete(t.p);
}

/* c without its colocated tokens (those written with a leading '+'). */
static void drop_colocated(Capture *c) {
  char *z = c->z, *out = c->z;
  while (*z) {
    char *end = strchr(z, ' ');
    size_t n = end ? (size_t)(end - z) : strlen(z);
    if (*z != '+') {
      if (out != c->z) *out++ = ' ';
      memmove(out, z, n);
      out += n;
    }
    z += n + (end != 0);
  }
  *out = 0;
}

/* Only the offsets of a stream: "@start:end" per token. */
static void offsets_only(Capture *c) {
  char *z = c->z, *out = c->z;
  while (*z) {
    char *at = strchr(z, '@'), *end;
    size_t n;
    if (!at) break;
    end = strchr(at, ' ');
    n = end ? (size_t)(end - at) : strlen(at);
    if (out != c->z) *out++ = ' ';
    memmove(out, at, n);
    out += n;
    z = end ? end + 1 : at + n;
  }
  *out = 0;
}

/* AUX (what auxiliary functions read): one token per position of the
** DOCUMENT stream with the same byte offsets, never a colocated token; its
** text is the folded word as written, unstemmed (the DOCUMENT stream of the
** same options with stem 0, without its colocated name keys). */
static void test_aux_positions_are_document(fts5_api *api) {
  static const char *azText[] = {
      "قال الرئيس الروسي فلاديمير بوتين إنّ وقفَ إطلاقِ النار ممكنٌ، وأكّد بموسكو «لا»",
      "ﻻ ﷲ ٱلْعَٰلَمِينَ ٢٠٢٥م Zelensky's visit لـ3 \xff\xfe بوتــين وكتابه عاصمتها",
  };
  static const char *azArgs[] = {"stopwords 1", "version 1 stopwords 1", "variants 1", "version 1 variants 1"};
  size_t i, a;
  for (a = 0; a < sizeof(azArgs) / sizeof(azArgs[0]); a++) {
    Tok t, u;
    char zUnstemmed[64];
    snprintf(zUnstemmed, sizeof(zUnstemmed), "%s stem 0", azArgs[a]);
    tok_open(api, azArgs[a], &t);
    tok_open(api, zUnstemmed, &u);
    for (i = 0; i < sizeof(azText) / sizeof(azText[0]); i++) {
      Capture doc = {"", 0}, aux = {"", 0}, unstemmed = {"", 0};
      int n = (int)strlen(azText[i]);
      char zName[128];
      t.x.xTokenize(t.p, &doc, DOC, azText[i], n, capture);
      t.x.xTokenize(t.p, &aux, AUX, azText[i], n, capture);
      u.x.xTokenize(u.p, &unstemmed, DOC, azText[i], n, capture);
      test_result(strchr(doc.z, '+') != 0, "the DOCUMENT stream has colocated tokens");
      drop_colocated(&unstemmed);
      snprintf(zName, sizeof(zName), "AUX stream is the folded words as written (%s)", azArgs[a]);
      check_str(zName, aux.z, unstemmed.z);
      drop_colocated(&doc);
      offsets_only(&doc);
      offsets_only(&aux);
      snprintf(zName, sizeof(zName), "AUX stream has the positions and offsets of DOCUMENT (%s)", azArgs[a]);
      check_str(zName, aux.z, doc.z);
    }
    t.x.xDelete(t.p);
    u.x.xDelete(u.p);
  }
}

static int count_tokens(void *pCtx, int tflags, const char *pToken, int nToken, int iStart, int iEnd) {
  int *a = pCtx;
  (void)tflags; (void)pToken; (void)iStart;
  a[0]++;
  if (nToken > a[1]) a[1] = nToken;
  a[2] = iEnd;
  return SQLITE_OK;
}

static void test_hard_inputs(fts5_api *api) {
  int nBig = 1 << 20, i, a[3];
  char *z = malloc((size_t)nBig);
  Tok t;
  tok_open(api, "", &t);
  for (i = 0; i < nBig; i += 2) memcpy(z + i, "د", 2);
  memset(a, 0, sizeof(a));
  check_int("1 MB word: ok", t.x.xTokenize(t.p, a, DOC, z, nBig, count_tokens), SQLITE_OK);
  check_int("1 MB word: one token", a[0], 1);
  check_int("1 MB word: capped at 128 characters", a[1], 256);
  check_int("1 MB word: offsets cover the whole word", a[2], nBig);
  memcpy(z, "د", 2);
  for (i = 2; i < 20002; i += 2) memcpy(z + i, "ً", 2);
  memset(a, 0, sizeof(a));
  check_int("10,000 marks: ok", t.x.xTokenize(t.p, a, DOC, z, 20002, count_tokens), SQLITE_OK);
  check_int("10,000 marks: one token", a[0], 1);
  for (i = 0; i < nBig; i++) z[i] = (char)(0x80 + i % 64);
  memset(a, 0, sizeof(a));
  check_int("1 MB of continuation bytes: ok", t.x.xTokenize(t.p, a, DOC, z, nBig, count_tokens), SQLITE_OK);
  check_int("1 MB of continuation bytes: no token", a[0], 0);
  t.x.xDelete(t.p);
  free(z);
}

/* The known forms are part of token format 2: the shipped table never changes. */
static void test_known_forms_frozen(void) {
  static const uint32_t putin[] = {0x0628, 0x0648, 0x062A, 0x064A, 0x0646}; /* بوتين */
  uint32_t h = ar_known_form_hash(0, 0, 0);
  int i;
  for (i = 0; i < ar_known_form_count; i++) h = (h ^ ar_known_form_hashes[i]) * 16777619u;
  check_int("the known forms: 40,593", ar_known_form_count, 40593);
  check_int("the known forms: their checksum", (int)(h == 0x61586e27u), 1);
  for (i = 1; i < ar_known_form_count && ar_known_form_hashes[i - 1] < ar_known_form_hashes[i]; i++) {
  }
  check_int("the known forms: sorted, no repeat", i, ar_known_form_count);
  check_int("بوتين is a known form", ar_is_known_form(putin, 5, 0), 1);
  check_int("وتين is not", ar_is_known_form(putin + 1, 4, 0), 0);
}

int main(void) {
  sqlite3 *db;
  fts5_api *api;
  sqlite3_auto_extension((void (*)(void))sqlite3_arabic_init);
  sqlite3_open(":memory:", &db);
  api = fts5_api_of(db);
  if (!api) {
    test_result(0, "fts5_api found");
    return test_done();
  }
  test_known_forms_frozen();
  test_vectors(api);
  test_bad_arguments(api);
  test_callback_codes(api);
  test_aux_positions_are_document(api);
  test_hard_inputs(api);
  sqlite3_close(db);
  return test_done();
}
