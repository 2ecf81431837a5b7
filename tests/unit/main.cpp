#define DOCTEST_CONFIG_IMPLEMENT
#include <doctest/doctest.h>

#include <cstdlib>
#include <string>

#include "support.hpp"

// As doctest's own main, except that a run in which some test skipped itself
// (shared_data() found no ../shared/data) and none failed exits with
// $VANKIEN_SKIP_EXIT_CODE when that is set: CTest, which runs one test case
// at a time, then reports the case as skipped rather than passed.
int main(int argc, char** argv) {
  doctest::Context context(argc, argv);
  const int failed = context.run();
  if (context.shouldExit() || failed != 0) return failed;
  const char* skip_code = std::getenv("VANKIEN_SKIP_EXIT_CODE");
  if (skip_code && *skip_code && vankien::test::skipped_for_want_of_data()) return std::atoi(skip_code);
  return 0;
}
