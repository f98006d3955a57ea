# sqlite-arabic. `make` builds dist/arabic.so; `make test` runs every test;
# `make demo` builds a database from the sample corpus and queries it.

VERSION := $(shell cat VERSION)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
PKGS    := sqlite3 icu-i18n icu-uc libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs icu-i18n icu-uc libutf8proc 2>/dev/null)
PYTHON  ?= /usr/bin/python3
PREFIX  ?= /usr/local

CC      ?= cc
CFLAGS  ?= -O3 -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow -Wsign-compare -Wno-unused-parameter
DEFS    := -DARABIC_VERSION='"$(VERSION)"' -DARABIC_COMMIT='"$(COMMIT)"'
ALL_CFLAGS = $(WARN) $(CFLAGS) $(DEFS) $(PKG_CFLAGS)

# core/ is the engine (no SQLite calls but core/alloc.c); functions/ and
# tokenizer/ are its SQL faces; ext/ is the entry point and SQLite plumbing.
SRCS := $(wildcard core/*.c core/ner/*.c ext/*.c functions/*.c tokenizer/*.c)
HDRS := $(wildcard core/*.h core/ner/*.h ext/*.h)
LOADABLE_OBJS := $(SRCS:%.c=build/loadable/%.o)
STATIC_OBJS   := $(SRCS:%.c=build/static/%.o)
C_TESTS := $(patsubst tests/c/%.c,build/tests/%,$(wildcard tests/c/test_*.c))

.PHONY: all loadable static test test-c deps clean install demo corpus version
all: loadable static
loadable: dist/arabic.so
static: dist/libsqlite_arabic.a

build/loadable/%.o: %.c $(HDRS) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -c $< -o $@

build/static/%.o: %.c $(HDRS) VERSION
	@mkdir -p $(dir $@)
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -c $< -o $@

# No -lsqlite3: the host process provides SQLite.
dist/arabic.so: $(LOADABLE_OBJS)
	@mkdir -p dist
	$(CC) -shared -fvisibility=hidden -Wl,--no-undefined -Wl,--unresolved-symbols=ignore-in-object-files \
	  $(CFLAGS) -o $@ $(LOADABLE_OBJS) $(PKG_LIBS) -lpthread -lm

dist/libsqlite_arabic.a: $(STATIC_OBJS)
	@mkdir -p dist
	rm -f $@
	ar rcs $@ $(STATIC_OBJS)

# C tests link the static library: they drive the real registration path.
build/tests/%: tests/c/%.c tests/c/testlib.h tests/c/fts5_lookup.h dist/libsqlite_arabic.a
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -o $@ $< dist/libsqlite_arabic.a -lsqlite3 $(PKG_LIBS) -lpthread -lm

# `make test` and `make demo` first make sure the dependencies are there (as
# root on Debian they are installed), then build in a new make, whose
# pkg-config calls see them.
# node-deps fetches better-sqlite3 once for the npm package's tests; without
# the registry those tests are skipped, and say so.
test: deps
	@$(MAKE) --no-print-directory -s all $(C_TESTS)
	@$(MAKE) --no-print-directory -s node-deps || echo "make test: no better-sqlite3 (make node-deps failed): the Node tests will be skipped"
	$(PYTHON) tests/run.py

test-c: $(C_TESTS)
	$(PYTHON) tests/run.py --only c

# The resource limits at full size (about 30 s and 3.5 GB): not in `make test`.
.PHONY: test-limits
build/tests/limits: tests/limits/limits.c tests/c/testlib.h dist/libsqlite_arabic.a
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -o $@ $< dist/libsqlite_arabic.a -lsqlite3 $(PKG_LIBS) -lpthread -lm

test-limits: build/tests/limits
	./build/tests/limits

# tools/bench_translit.c: transliteration and COLLATE arabic against BINARY
# and ICU. A rule without a recipe, so other benchmarks can join `make bench`.
.PHONY: bench bench-translit
bench: bench-translit
bench-translit: build/tools/bench_translit
	./build/tools/bench_translit

# tools/eval_ir.py: retrieval quality (MAP) on ARCD, against unicode61, in one run.
.PHONY: bench-ir
bench: bench-ir
bench-ir: loadable
	$(PYTHON) tools/eval_ir.py

# tools/bench_gazetteer.py: what a gazetteer of 10,000 and 100,000 rows costs per imported article.
.PHONY: bench-gazetteer
bench: bench-gazetteer
bench-gazetteer: loadable
	$(PYTHON) tools/bench_gazetteer.py

# tools/bench_import.py: the import of the 30 MB JSONL on one core and on all (same database, peak RSS),
# then of a file ten times as large made from it (BENCH_IMPORT_SCALE=0 skips it).
BENCH_IMPORT_SCALE ?= 10
.PHONY: bench-import
bench: bench-import
bench-import: loadable
	$(PYTHON) tools/bench_import.py --scale $(BENCH_IMPORT_SCALE)

# tools/bench_corpus.py: import throughput, database size and example latencies on 30 MB of news.
.PHONY: bench-corpus
bench: bench-corpus
bench-corpus: loadable
	$(PYTHON) tools/bench_corpus.py

build/tools/bench_translit: tools/bench_translit.c $(HDRS) dist/libsqlite_arabic.a
	@mkdir -p build/tools
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -o $@ $< dist/libsqlite_arabic.a -lsqlite3 $(PKG_LIBS) \
	  $(shell pkg-config --libs icu-i18n) -lpthread -lm

deps:
	@sh tools/install-deps.sh

demo: deps
	@$(MAKE) --no-print-directory -s loadable
	sh tools/demo.sh

# make corpus CORPUS=folder DB=news.db: import every *.txt under the folder
# (or a one-article-per-line file); run again to update. The names are data:
# $(value ...) keeps make from expanding a '$' in them, shell_quote puts them
# in single quotes, and unexport keeps make from expanding them into the
# environment of every command. Relative names are the caller's: make -C
# moves CURDIR here, while $(PWD) is where make was started.
shell_quote = '$(subst ','\'',$(1))'
CALLER_DIR = $(if $(filter undefined,$(origin PWD)),$(CURDIR),$(value PWD))
unexport CORPUS DB PWD
corpus: loadable
	@sh tools/corpus.sh $(call shell_quote,$(CALLER_DIR)) $(call shell_quote,$(value CORPUS)) \
	  $(call shell_quote,$(value DB)) $(call shell_quote,$(PYTHON))

# make install [PREFIX=/usr/local] [DESTDIR=staging]: what a user of each
# environment needs (docs/install.md):
#   lib/sqlite-arabic/arabic.so     .load /usr/local/lib/sqlite-arabic/arabic
#   lib/libsqlite_arabic.a, include/sqlite_arabic.h, lib/pkgconfig/sqlite-arabic.pc
#   share/sqlite-arabic/sql/        schema.sql, linking.sql, views.sql, import.sql, examples.sql
#   share/sqlite-arabic/python/     the sqlite_arabic package, which finds the
#                                   two above through relative links
#   bin/sqlite-arabic               the command, run by $(PYTHON)
LIBDIR     = $(PREFIX)/lib
SHAREDIR   = $(PREFIX)/share/sqlite-arabic
PY_SOURCES = $(wildcard python/sqlite_arabic/*.py)
INSTALLED  = $(LIBDIR)/sqlite-arabic/arabic.so $(LIBDIR)/libsqlite_arabic.a $(PREFIX)/include/sqlite_arabic.h \
  $(LIBDIR)/pkgconfig/sqlite-arabic.pc $(PREFIX)/bin/sqlite-arabic $(SHAREDIR)/LICENSE \
  $(patsubst sql/%,$(SHAREDIR)/sql/%,$(wildcard sql/*.sql)) \
  $(patsubst python/%,$(SHAREDIR)/python/%,$(PY_SOURCES)) \
  $(SHAREDIR)/python/sqlite_arabic/VERSION $(SHAREDIR)/python/sqlite_arabic/arabic.so $(SHAREDIR)/python/sqlite_arabic/sql
.PHONY: uninstall
install: all
	install -d $(DESTDIR)$(LIBDIR)/sqlite-arabic $(DESTDIR)$(LIBDIR)/pkgconfig $(DESTDIR)$(PREFIX)/include \
	  $(DESTDIR)$(PREFIX)/bin $(DESTDIR)$(SHAREDIR)/sql $(DESTDIR)$(SHAREDIR)/python/sqlite_arabic
	install -m 0755 dist/arabic.so $(DESTDIR)$(LIBDIR)/sqlite-arabic/arabic.so
	install -m 0644 dist/libsqlite_arabic.a $(DESTDIR)$(LIBDIR)/libsqlite_arabic.a
	install -m 0644 ext/sqlite_arabic.h $(DESTDIR)$(PREFIX)/include/sqlite_arabic.h
	sed -e 's|@PREFIX@|$(PREFIX)|; s|@LIBDIR@|$(LIBDIR)|; s|@VERSION@|$(VERSION)|' tools/sqlite-arabic.pc.in \
	  > $(DESTDIR)$(LIBDIR)/pkgconfig/sqlite-arabic.pc
	install -m 0644 sql/*.sql $(DESTDIR)$(SHAREDIR)/sql/
	install -m 0644 LICENSE $(DESTDIR)$(SHAREDIR)/LICENSE
	install -m 0644 $(PY_SOURCES) VERSION $(DESTDIR)$(SHAREDIR)/python/sqlite_arabic/
	ln -sfn ../../../../lib/sqlite-arabic/arabic.so $(DESTDIR)$(SHAREDIR)/python/sqlite_arabic/arabic.so
	ln -sfn ../../sql $(DESTDIR)$(SHAREDIR)/python/sqlite_arabic/sql
	sed -e '1s|.*|#!$(PYTHON)|' tools/sqlite-arabic.launcher > $(DESTDIR)$(PREFIX)/bin/sqlite-arabic
	chmod 0755 $(DESTDIR)$(PREFIX)/bin/sqlite-arabic

uninstall:
	rm -f $(addprefix $(DESTDIR),$(INSTALLED))
	rm -rf $(DESTDIR)$(SHAREDIR)/python/sqlite_arabic/__pycache__
	-rmdir $(DESTDIR)$(SHAREDIR)/python/sqlite_arabic $(DESTDIR)$(SHAREDIR)/python $(DESTDIR)$(SHAREDIR)/sql \
	  $(DESTDIR)$(SHAREDIR) $(DESTDIR)$(LIBDIR)/sqlite-arabic 2>/dev/null

version:
	@echo $(VERSION) $(COMMIT)

# make npm: dist/sqlite-arabic-VERSION.tgz, the npm package: node/ with
# arabic.so, the sql/ scripts and LICENSE (docs/install.md).
.PHONY: npm node-deps
npm: dist/sqlite-arabic-$(VERSION).tgz
dist/sqlite-arabic-$(VERSION).tgz: dist/arabic.so $(wildcard node/*) $(wildcard sql/*.sql) LICENSE VERSION
	rm -rf build/npm
	mkdir -p build/npm/sql
	cp node/index.js node/index.d.ts node/README.md LICENSE dist/arabic.so build/npm/
	cp sql/*.sql build/npm/sql/
	sed 's/@VERSION@/$(VERSION)/' node/package.json > build/npm/package.json
	cd build/npm && npm pack --silent --pack-destination ../../dist >/dev/null

# better-sqlite3 12 (13 crashes on Node 20 here) for the tests of the npm
# package, in build/node: installed once from the npm registry and compiled
# against the system's Node headers (about 3 minutes on two cores).
NODE_TEST_DIR := build/node
node-deps: $(NODE_TEST_DIR)/node_modules/better-sqlite3/package.json
$(NODE_TEST_DIR)/node_modules/better-sqlite3/package.json:
	mkdir -p $(NODE_TEST_DIR)
	echo '{"private": true}' > $(NODE_TEST_DIR)/package.json
	cd $(NODE_TEST_DIR) && JOBS=2 $(if $(wildcard /usr/include/node/node.h),npm_config_nodedir=/usr) \
	  npm install --no-audit --no-fund --loglevel=error better-sqlite3@12 >/dev/null

clean:
	rm -rf build dist

# ---- reliability and benchmarks ---------------------------------------------
# None of these is part of `make test` (test_oom and test_threads are: they
# are ordinary tests/c/test_*.c). See docs/reliability.md.
#   make bench          (bench-core) tools/bench.c: tokenizer, index build, queries, functions vs unicode61
#   make test-asan      every suite against a copy built with -fsanitize=address,undefined
#   make test-tsan      tests/c/test_threads.c built with -fsanitize=thread
#   make test-valgrind  C, SQL and Python suites under valgrind
#   make test-limits    the documented resource limits at full size (tests/limits)
#   make fuzz           each tests/fuzz/fuzz_*.c target for FUZZ_TIME seconds (libFuzzer)
#   make deps-proof     the dependencies, plus clang, libclang-rt-14-dev (libFuzzer) and valgrind
CLANG     ?= clang
FUZZ_TIME ?= 20
FUZZ_TARGETS := $(patsubst tests/fuzz/%.c,%,$(wildcard tests/fuzz/fuzz_*.c))
LINK_LIBS  = -lsqlite3 $(PKG_LIBS) -lpthread -lm
SAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all

.PHONY: bench-core test-asan test-tsan test-valgrind fuzz fuzz-build deps-proof

build/bench: tools/bench.c dist/libsqlite_arabic.a
	@mkdir -p build
	$(CC) $(ALL_CFLAGS) -O2 -DSQLITE_CORE -o $@ tools/bench.c dist/libsqlite_arabic.a $(LINK_LIBS)

bench: bench-core
bench-core: build/bench
	./build/bench

build/fuzz/%: tests/fuzz/%.c tests/fuzz/strict_utf8.h $(SRCS) $(HDRS)
	@mkdir -p build/fuzz
	$(CLANG) $(WARN) $(DEFS) $(PKG_CFLAGS) -DSQLITE_CORE -O1 -g -fsanitize=fuzzer,address,undefined \
	  -fno-sanitize-recover=all -o $@ $< $(SRCS) $(LINK_LIBS)

fuzz-build: $(FUZZ_TARGETS:%=build/fuzz/%)

fuzz: fuzz-build
	sh tools/fuzz.sh $(FUZZ_TIME) $(FUZZ_TARGETS)

build/tsan/test_threads: tests/c/test_threads.c tests/c/testlib.h tests/c/fts5_lookup.h $(SRCS) $(HDRS)
	@mkdir -p build/tsan
	$(CLANG) $(WARN) $(DEFS) $(PKG_CFLAGS) -DSQLITE_CORE -O1 -g -fsanitize=thread -o $@ $< $(SRCS) $(LINK_LIBS)

test-tsan: build/tsan/test_threads
	TSAN_OPTIONS=halt_on_error=1 ./build/tsan/test_threads

test-asan:
	sh tools/test-asan.sh "$(SAN_CFLAGS)"

test-valgrind: all $(C_TESTS)
	sh tools/test-valgrind.sh

deps-proof:
	@sh tools/install-deps.sh proof

# The entity tagger: `make train` rebuilds the lexicon (core/lexicon_data.c: word
# classes learned from unlabeled news, tools/train_lexicon.c) and then the tagger
# (core/ner/ner_model.c) from ../shared/data (ANERcorp); `make eval` trains on the first
# five sixths, builds dist/holdout/arabic.so with that model and scores it on the last
# sixth, on AQMAR dev, then scores the shipped model on the seed articles.
NER_DATA    ?= ../shared/data/ner/anercorp-train.conll
NER_EPOCHS  ?= 15
NER_PRUNE   ?= 100
NER_RUNS    ?= 3
NER_DROP    ?= 300
# The document features' window at training: the sentences either side
# (ANERcorp keeps an article's sentences in order); 0: none.
NER_DOC     ?= 10
# More CoNLL files to train on after ANERcorp, and flags for them, e.g.
# NER_MORE=../shared/data/ner/aqmar-train.conll NER_FLAGS=-groups (AQMAR tags
# groups of people as PER; -groups reads them as O): see docs/entities.md.
NER_MORE    ?=
NER_FLAGS   ?=
# The unlabeled text of the lexicon: the 30 MB of ANT news and JawharaFM but its
# politic/ folder (kept unseen to judge on).
LEXICON_NEWS     ?= ../shared/data/bench/ant-news-30mb.txt.xz
LEXICON_JAWHARA  ?= ../shared/data/raw/jawharafm-v1.1.tar.xz
LEXICON_TEXT     ?= xz -dc $(LEXICON_NEWS) && tar -xJOf $(LEXICON_JAWHARA) --wildcards --exclude='politic/*' '*/*.txt'
LEXICON_CLASSES  ?= 512
LEXICON_COARSE   ?= 64
# The trainers link the cores with the C library's allocator (AR_ALLOC_LIBC).
TRAIN_SRCS  := $(filter-out core/ner/ner_model.c,$(wildcard core/*.c core/ner/*.c))
LEXICON_SRCS := $(filter-out core/lexicon_data.c,$(wildcard core/*.c))
build/train_lexicon: tools/train_lexicon.c $(LEXICON_SRCS) $(HDRS)
	@mkdir -p build
	$(CC) $(WARN) -O2 -DAR_ALLOC_LIBC $(PKG_CFLAGS) -o $@ tools/train_lexicon.c $(LEXICON_SRCS) $(PKG_LIBS) -lpthread -lm

.PHONY: lexicon
lexicon: build/train_lexicon
	( $(LEXICON_TEXT) ) | build/train_lexicon -classes $(LEXICON_CLASSES) -coarse $(LEXICON_COARSE) -o core/lexicon_data.c

.PHONY: train eval
build/train_ner: tools/train_ner.c $(TRAIN_SRCS) $(HDRS)
	@mkdir -p build
	$(CC) $(WARN) -O2 -DAR_ALLOC_LIBC $(PKG_CFLAGS) -o $@ tools/train_ner.c $(TRAIN_SRCS) $(PKG_LIBS) -lpthread -lm

train: lexicon
	$(MAKE) --no-print-directory build/train_ner
	build/train_ner -e $(NER_EPOCHS) -runs $(NER_RUNS) -drop $(NER_DROP) -prune $(NER_PRUNE) -doc $(NER_DOC) $(NER_FLAGS) -o core/ner/ner_model.c $(NER_DATA) $(NER_MORE)

dist/holdout/arabic.so: build/train_ner $(LOADABLE_OBJS)
	@mkdir -p build/holdout dist/holdout
	build/train_ner -e $(NER_EPOCHS) -runs $(NER_RUNS) -drop $(NER_DROP) -prune $(NER_PRUNE) -doc $(NER_DOC) $(NER_FLAGS) -holdout 6 -o build/holdout/ner_model.c $(NER_DATA) $(NER_MORE)
	$(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -Icore/ner -c build/holdout/ner_model.c -o build/holdout/ner_model.o
	$(CC) -shared -fvisibility=hidden -Wl,--no-undefined -Wl,--unresolved-symbols=ignore-in-object-files \
	  $(CFLAGS) -o $@ $(filter-out build/loadable/core/ner/ner_model.o,$(LOADABLE_OBJS)) build/holdout/ner_model.o \
	  $(PKG_LIBS) -lpthread -lm

eval: loadable dist/holdout/arabic.so
	$(PYTHON) tools/eval_ner.py

# make eval-seeds: the same held-out and AQMAR dev scores for models trained
# with each of NER_SEEDS (dist/seeds/hS: five sixths, dist/seeds/fS: all), and
# their mean; about 3 minutes on 2 cores. Measure a change on the mean.
# NER_CONTEXT=N scores texts of N sentences in a row (a line each), as an
# article is one text at run time; unset, each sentence is a text of its own.
NER_SEEDS ?= 1 11 21 31 41
.PHONY: eval-seeds
eval-seeds: loadable build/train_ner
	@for s in $(NER_SEEDS); do for k in h f; do \
	  mkdir -p build/seeds/$$k$$s dist/seeds/$$k$$s; \
	  if [ $$k = h ]; then h="-holdout 6"; else h=""; fi; \
	  build/train_ner -e $(NER_EPOCHS) -runs $(NER_RUNS) -drop $(NER_DROP) -prune $(NER_PRUNE) -doc $(NER_DOC) $(NER_FLAGS) -seed $$s $$h \
	    -o build/seeds/$$k$$s/ner_model.c $(NER_DATA) $(NER_MORE) 2>build/seeds/$$k$$s/train.log || exit 1; \
	  $(CC) $(ALL_CFLAGS) -fPIC -fvisibility=hidden -Icore/ner -c build/seeds/$$k$$s/ner_model.c -o build/seeds/$$k$$s/ner_model.o || exit 1; \
	  $(CC) -shared -fvisibility=hidden -Wl,--no-undefined -Wl,--unresolved-symbols=ignore-in-object-files \
	    $(CFLAGS) -o dist/seeds/$$k$$s/arabic.so $(filter-out build/loadable/core/ner/ner_model.o,$(LOADABLE_OBJS)) \
	    build/seeds/$$k$$s/ner_model.o $(PKG_LIBS) -lpthread -lm || exit 1; \
	done; done
	$(PYTHON) tools/eval_ner.py --seeds $(NER_SEEDS) $(if $(NER_CONTEXT),--context $(NER_CONTEXT))
