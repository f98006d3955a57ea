# sqlite-arabic. `make` builds dist/arabic.so; `make test` runs every test;
# `make demo` builds a database from the sample corpus and queries it.

VERSION := $(shell cat VERSION)
COMMIT  := $(shell git rev-parse --short HEAD 2>/dev/null || echo unknown)
PKGS    := sqlite3 icu-uc libutf8proc
PKG_CFLAGS := $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKG_LIBS   := $(shell pkg-config --libs icu-uc libutf8proc 2>/dev/null)
PYTHON  ?= /usr/bin/python3
PREFIX  ?= /usr/local

CC      ?= cc
CFLAGS  ?= -O2 -g
WARN    := -std=c11 -D_POSIX_C_SOURCE=200809L -Wall -Wextra -Wshadow -Wsign-compare -Wno-unused-parameter
DEFS    := -DARABIC_VERSION='"$(VERSION)"' -DARABIC_COMMIT='"$(COMMIT)"'
ALL_CFLAGS = $(WARN) $(CFLAGS) $(DEFS) $(PKG_CFLAGS)

SRCS := $(wildcard ext/*.c functions/*.c tokenizer/*.c)
HDRS := $(wildcard ext/*.h functions/*.h tokenizer/*.h)
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
build/tests/%: tests/c/%.c tests/c/testlib.h dist/libsqlite_arabic.a
	@mkdir -p build/tests
	$(CC) $(ALL_CFLAGS) -DSQLITE_CORE -o $@ $< dist/libsqlite_arabic.a -lsqlite3 $(PKG_LIBS) -lpthread -lm

test: all $(C_TESTS)
	$(PYTHON) tests/run.py

test-c: $(C_TESTS)
	$(PYTHON) tests/run.py --only c

# tools/bench_translit.c: transliteration and COLLATE arabic against BINARY
# and ICU. A rule without a recipe, so other benchmarks can join `make bench`.
.PHONY: bench bench-translit
bench: bench-translit
bench-translit: build/tools/bench_translit
	./build/tools/bench_translit

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
	sh tools/install-deps.sh

demo: loadable
	sh tools/demo.sh

# make corpus CORPUS=folder DB=news.db: import every *.txt under the folder
# (or a one-article-per-line file); run again to update.
corpus: loadable
	@test -n "$(CORPUS)" -a -n "$(DB)" || { echo "usage: make corpus CORPUS=<folder or file> DB=<database>"; exit 2; }
	$(PYTHON) tools/import_corpus.py "$(CORPUS)" "$(DB)"

install: all
	install -d $(DESTDIR)$(PREFIX)/lib $(DESTDIR)$(PREFIX)/include
	install -m 0755 dist/arabic.so $(DESTDIR)$(PREFIX)/lib/arabic.so
	install -m 0644 dist/libsqlite_arabic.a $(DESTDIR)$(PREFIX)/lib/libsqlite_arabic.a
	install -m 0644 ext/sqlite_arabic.h $(DESTDIR)$(PREFIX)/include/sqlite_arabic.h

version:
	@echo $(VERSION) $(COMMIT)

clean:
	rm -rf build dist
