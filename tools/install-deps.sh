#!/bin/sh
# Install what sqlite-arabic needs to build and test. On Debian/Ubuntu, as
# root, it installs the missing packages; elsewhere it says what to install.
#   sh tools/install-deps.sh          build, test and demo
#   sh tools/install-deps.sh proof    also clang, libFuzzer and valgrind (make fuzz, test-valgrind)
set -e
PKGS="build-essential pkg-config git libsqlite3-dev sqlite3 libicu-dev libutf8proc-dev python3 xz-utils tcl libsqlite3-tcl"
# The packages and the pages of docs/use/: pip into a venv (offline), npm, the
# report in a browser, sqlite-utils, Go with Debian's mattn/go-sqlite3.
PKGS="$PKGS python3-venv python3-pip python3-setuptools python3-wheel chromium chromium-driver sqlite-utils"
PKGS="$PKGS golang golang-github-mattn-go-sqlite3-dev"
# Node and npm: any install will do (the npm package is tested with Node 20);
# Debian's when there is none.
command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1 || PKGS="$PKGS nodejs npm libnode-dev"
if [ "${1:-}" = proof ]; then
  PKGS="$PKGS clang libclang-rt-14-dev valgrind"
fi
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for p in $PKGS; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
  done
  if [ -z "$missing" ]; then
    echo "install-deps: all dependencies present"
    exit 0
  fi
  if [ "$(id -u)" = 0 ]; then
    echo "install-deps: installing$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
    exit 0
  fi
  echo "install-deps: missing Debian packages:$missing" >&2
  echo "  run: sudo apt-get install$missing" >&2
  exit 1
fi
if pkg-config --exists sqlite3 icu-i18n icu-uc libutf8proc 2>/dev/null; then
  exit 0 # not Debian, but the libraries are there: let the build try
fi
cat >&2 <<'TXT'
install-deps: not a Debian system. Install the equivalents of:
  a C11 compiler, make, pkg-config, SQLite 3.31+ with FTS5 (library, headers, sqlite3 shell),
  ICU (icu-uc, icu-i18n), utf8proc, Python 3 whose sqlite3 module can load extensions, xz, Tcl with tclsqlite3;
  for the package and environment tests: Python venv and pip, Node and npm, Chromium, sqlite-utils, Go.
  macOS (Homebrew): brew install sqlite icu4c utf8proc pkg-config xz
TXT
exit 1
