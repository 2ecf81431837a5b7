// A change that fails (a full disk) leaves the writer as the last commit left
// it: what the failure cancelled is never stored later, by another commit or
// by the writer's destructor, and the database stays sound.
#include <doctest/doctest.h>

#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>
#include <xapian.h>

#include <algorithm>
#include <csignal>
#include <filesystem>
#include <string>

#include "support.hpp"
#include "vankien/error.hpp"
#include "vankien/indexer.hpp"

namespace {

constexpr std::size_t committed_first = 10, cancelled_later = 1200;

// A body of many distinct words, so that the postings of a batch outgrow
// half of what the database takes.
std::string body(std::size_t n) {
  static const char* const syllables[] = {"văn", "kiện", "nghị", "quyết", "đảng", "bộ", "huyện", "xã",
                                          "chi", "ủy",   "ban",  "thường", "vụ",  "đại", "hội", "kỳ"};
  std::string text;
  for (std::size_t k = 0; k < 150; ++k) {
    text += syllables[(n * 7 + k) % 16];
    text += syllables[(n + k * 3) % 16];
    text += std::to_string((n * 31 + k * 17) % 5000);
    text += ' ';
  }
  return text;
}

void add_range(vankien::Indexer& indexer, std::size_t from, std::size_t to) {
  for (std::size_t n = from; n < to; ++n) indexer.add(vankien::test::article("d" + std::to_string(n), body(n)));
}

std::uintmax_t largest_file(const std::filesystem::path& db) {
  std::uintmax_t largest = 0;
  for (const auto& entry : std::filesystem::directory_iterator(db)) {
    if (entry.is_regular_file()) largest = std::max(largest, entry.file_size());
  }
  return largest;
}

vankien::IndexerOptions one_batch() {
  vankien::IndexerOptions options = vankien::test::indexer_options();
  options.batch_size = 100000;
  return options;
}

// What the child saw, as its exit status.
enum Seen { as_expected = 0, nothing_failed = 3, later_commit_failed = 4, writer_count_wrong = 5 };

// In a child process (a file size limit is per process): commits the first
// documents, fails to commit the rest under `limit` bytes a file, then, with
// room again, adds one more and commits.
[[noreturn]] void fail_then_go_on(const std::filesystem::path& db, rlim_t limit) {
  std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the signal
  int seen = as_expected;
  try {
    vankien::Indexer indexer(db, one_batch());
    add_range(indexer, 0, committed_first);
    indexer.commit();
    rlimit tight{limit, RLIM_INFINITY};
    setrlimit(RLIMIT_FSIZE, &tight);
    bool failed = false;
    try {
      add_range(indexer, committed_first, committed_first + cancelled_later);
      indexer.commit();
    } catch (const vankien::Error&) {
      failed = true;
    }
    rlimit room{RLIM_INFINITY, RLIM_INFINITY};
    setrlimit(RLIMIT_FSIZE, &room);
    if (!failed) seen = nothing_failed;
    if (seen == as_expected && indexer.document_count() != committed_first) seen = writer_count_wrong;
    try {
      indexer.add(vankien::test::article("after", body(0)));
      indexer.commit();
    } catch (const vankien::Error&) {
      if (seen == as_expected) seen = later_commit_failed;
    }
  } catch (...) {
    seen = 6;
  }
  _exit(seen);  // the indexer's destructor has run: it may have written too
}

}  // namespace

TEST_CASE("a commit that failed leaves nothing half-written for a later commit to store") {
  vankien::test::TempDir dir;
  {
    vankien::Indexer room(dir / "room", one_batch());
    add_range(room, 0, committed_first + cancelled_later);
  }
  const rlim_t limit = largest_file(dir / "room") / 2;

  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) fail_then_go_on(dir / "db", limit);
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == as_expected);

  const std::string path = (dir / "db").string();
  CHECK(Xapian::Database::check(path) == 0);
  const Xapian::Database db(path);
  CHECK(db.get_doccount() == committed_first + 1);
  CHECK(db.get_termfreq("Qafter") == 1);
  CHECK(db.get_termfreq("Qd" + std::to_string(committed_first)) == 0);
}
