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
#include <cstdlib>
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
enum Seen {
  as_expected = 0,
  limit_not_set = 2,
  nothing_failed = 3,
  later_change_failed = 4,
  writer_count_wrong = 5,
  something_thrown = 6,
  adds_failed = 7,
  run_summary_wrong = 8,
  cancelled_not_kept = 9,
};

// What the writer does after its commit failed, with room again.
enum class Then {
  adds_and_commits,  // add() and commit()
  runs_add_files,    // add_files(): the failure before it is not this run's
  // The failing commit is the one add_files() makes first, of what add()
  // left pending; then add() and commit().
  fails_in_add_files,
};

// In a child process (a file size limit is per process): commits the first
// documents, fails to commit the rest under `limit` bytes a file, then, with
// room again, writes one more document. `later` holds it as JSON Lines.
[[noreturn]] void fail_then_go_on(const std::filesystem::path& db, rlim_t limit, Then then,
                                  const std::filesystem::path& later) {
  alarm(120);  // a hang ends the child, and the parent sees it
  std::signal(SIGXFSZ, SIG_IGN);  // EFBIG instead of the signal
  int seen = as_expected;
  const auto saw = [&](Seen what) {
    if (seen == as_expected) seen = what;
  };
  try {
    vankien::Indexer indexer(db, one_batch());
    add_range(indexer, 0, committed_first);
    indexer.commit();
    rlimit room{};
    getrlimit(RLIMIT_FSIZE, &room);
    const rlimit tight{limit, room.rlim_max};
    if (setrlimit(RLIMIT_FSIZE, &tight) != 0) _exit(limit_not_set);
    bool failed = false;
    try {
      add_range(indexer, committed_first, committed_first + cancelled_later);
    } catch (const vankien::Error&) {
      saw(adds_failed);  // the commit is where this test wants the failure
    }
    try {
      if (then == Then::fails_in_add_files) {
        indexer.add_files({later});
      } else {
        indexer.commit();
      }
    } catch (const vankien::Error&) {
      failed = true;
    }
    if (setrlimit(RLIMIT_FSIZE, &room) != 0) _exit(limit_not_set);
    if (!failed) saw(nothing_failed);
    if (indexer.document_count() != committed_first) saw(writer_count_wrong);
    try {
      if (then != Then::runs_add_files) {
        indexer.add(vankien::test::article("after", body(0)));
        indexer.commit();
      } else {
        const vankien::IndexSummary summary = indexer.add_files({later});
        if (summary.added != 1 || summary.failed != 0) saw(run_summary_wrong);
        if (indexer.take_cancelled().size() != cancelled_later) saw(cancelled_not_kept);
      }
    } catch (const vankien::Error&) {
      saw(later_change_failed);
    }
  } catch (...) {
    saw(something_thrown);
  }
  _exit(seen);  // the indexer's destructor has run: it may have written too
}

}  // namespace

TEST_CASE("a commit that failed leaves nothing half-written for a later change to store") {
  vankien::test::TempDir dir;
  {
    vankien::Indexer room(dir / "room", one_batch());
    add_range(room, 0, committed_first + cancelled_later);
  }
  const rlim_t limit = largest_file(dir / "room") / 2;
  const std::filesystem::path later = dir / "later.jsonl";
  vankien::test::write_file(later, "{\"id\": \"after\", \"body\": \"" + body(0) + "\"}\n");

  for (const Then then : {Then::adds_and_commits, Then::runs_add_files, Then::fails_in_add_files}) {
    CAPTURE(static_cast<int>(then));
    const std::filesystem::path db = dir / ("db" + std::to_string(static_cast<int>(then)));
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) fail_then_go_on(db, limit, then, later);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    REQUIRE(WIFEXITED(status));
    CHECK(WEXITSTATUS(status) == as_expected);

    // xapian-check, not Xapian::Database::check: in-process, AddressSanitizer
    // stops at a mismatched delete inside libxapian's checker.
    CHECK(std::system(("xapian-check '" + db.string() + "' > /dev/null").c_str()) == 0);
    const Xapian::Database written(db.string());
    CHECK(written.get_doccount() == committed_first + 1);
    CHECK(written.get_termfreq("Qafter") == 1);
    CHECK(written.get_termfreq("Qd" + std::to_string(committed_first)) == 0);
  }
}
