/*
** A minimal table-driven test library: each check prints 'ok - NAME' or
** 'not ok - NAME' (with what was expected and what came), which
** tests/run.py counts. main() returns test_done().
*/
#ifndef ARABIC_TESTLIB_H
#define ARABIC_TESTLIB_H

#include <stdio.h>
#include <string.h>

static int g_test_failed = 0;

static void test_result(int ok, const char *name) {
  printf("%s - %s\n", ok ? "ok" : "not ok", name);
  if (!ok) g_test_failed++;
}

static void check_str(const char *name, const char *got, const char *want) {
  int ok = got && want ? strcmp(got, want) == 0 : got == want;
  test_result(ok, name);
  if (!ok) printf("#   expected: [%s]\n#   got:      [%s]\n", want ? want : "(null)", got ? got : "(null)");
}

static void check_int(const char *name, long long got, long long want) {
  test_result(got == want, name);
  if (got != want) printf("#   expected: %lld\n#   got:      %lld\n", want, got);
}

static int test_done(void) {
  fflush(stdout);
  return g_test_failed ? 1 : 0;
}

#endif
