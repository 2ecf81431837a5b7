#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <stdexcept>
#include <string>
#include <thread>
#include <vector>

#include "query/helper_thread.hpp"

using vankien::query::HelperThread;

TEST_CASE("sharing work with the helper runs every item exactly once") {
  HelperThread helper;
  REQUIRE(helper.try_claim());
  for (const std::size_t count : {0, 1, 2, 3, 64, 5000}) {
    CAPTURE(count);
    std::vector<std::atomic<int>> runs(count);
    helper.share(count, [&](std::size_t i, bool) { ++runs[i]; });
    for (std::size_t i = 0; i < count; ++i) CHECK(runs[i].load() == 1);
  }
  helper.release();
}

TEST_CASE("items slow enough for the helper to wake are shared between both threads") {
  HelperThread helper;
  REQUIRE(helper.try_claim());
  std::atomic<int> on_helper{0}, on_caller{0};
  helper.share(200, [&](std::size_t, bool helping) {
    ++(helping ? on_helper : on_caller);
    const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(200);
    while (std::chrono::steady_clock::now() < until) {
    }
  });
  CHECK(on_helper.load() + on_caller.load() == 200);
  CHECK(on_helper.load() > 0);
  CHECK(on_caller.load() > 0);
  helper.release();
}

TEST_CASE("what an item throws reaches the caller, and the helper works on afterwards") {
  HelperThread helper;
  REQUIRE(helper.try_claim());
  struct Case {
    const char* name;
    bool throw_on_helper;
  };
  for (const Case c : {Case{"on the caller's thread", false}, Case{"on the helper", true}}) {
    CAPTURE(c.name);
    std::atomic<bool> thrown{false};
    auto throw_once = [&](std::size_t, bool helping) {
      const auto until = std::chrono::steady_clock::now() + std::chrono::microseconds(100);
      while (std::chrono::steady_clock::now() < until) {
      }
      if (helping == c.throw_on_helper && !thrown.exchange(true)) throw std::runtime_error("item failed");
    };
    // The helper may not wake before the caller has taken every item: try until it has.
    for (int attempt = 0; attempt < 100 && !thrown; ++attempt) {
      try {
        helper.share(100, throw_once);
      } catch (const std::runtime_error& error) {
        CHECK(std::string(error.what()) == "item failed");
      }
    }
    CHECK(thrown.load());
    std::atomic<int> runs{0};
    helper.share(10, [&](std::size_t, bool) { ++runs; });
    CHECK(runs.load() == 10);
  }
  helper.release();
}

TEST_CASE("one search at a time holds the helper") {
  HelperThread helper;
  CHECK(helper.try_claim());
  CHECK_FALSE(helper.try_claim());
  helper.release();
  CHECK(helper.try_claim());
  helper.release();
}

TEST_CASE("a forked child does not use its parent's helper, which it does not have") {
  HelperThread helper;
  const pid_t child = fork();
  REQUIRE(child >= 0);
  if (child == 0) _exit(helper.try_claim() ? 1 : 0);  // a claim would hang the child's next search
  int status = 0;
  REQUIRE(waitpid(child, &status, 0) == child);
  CHECK(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(helper.try_claim());  // the parent's helper is still its own
  helper.release();
}

namespace {

// Waits, for two seconds at most, for `flag` to be set.
bool wait_for(const std::atomic<bool>& flag) {
  const auto until = std::chrono::steady_clock::now() + std::chrono::seconds(2);
  while (!flag && std::chrono::steady_clock::now() < until) std::this_thread::yield();
  return flag;
}

}  // namespace

TEST_CASE("work started on the helper has ended when join returns, or never runs") {
  HelperThread helper;
  REQUIRE(helper.try_claim());
  for (int round = 0; round < 20; ++round) {
    CAPTURE(round);
    std::atomic<bool> began{false}, ended{false};
    helper.start([&] {
      began = true;
      std::this_thread::sleep_for(std::chrono::milliseconds(1));
      ended = true;
    });
    if (round % 2 == 0) REQUIRE(wait_for(began));  // else it may be withdrawn
    helper.join();
    const bool ended_at_join = ended;
    CHECK(ended_at_join == began.load());
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    CHECK(began.load() == ended_at_join);  // withdrawn work never starts later
  }
  helper.release();
}

TEST_CASE("join rethrows what the started work threw") {
  HelperThread helper;
  REQUIRE(helper.try_claim());
  std::atomic<bool> began{false};
  helper.start([&] {
    began = true;
    throw std::runtime_error("on the helper");
  });
  REQUIRE(wait_for(began));
  CHECK_THROWS_WITH_AS(helper.join(), "on the helper", std::runtime_error);
  helper.release();
}
