#include <doctest/doctest.h>

#include <atomic>
#include <chrono>
#include <string>
#include <thread>

#include "indexer/work_queue.hpp"

using vankien::index::WorkQueue;

namespace {

// Whether a push of `bytes` onto `queue` (already holding items) waits: it is
// tried on a thread of its own; one that waits is given 50 ms to show it
// does not, one that does not is given two seconds to get through; then a pop
// makes room either way.
bool push_waits(WorkQueue<std::string>& queue, std::size_t bytes, bool expected_to_wait) {
  std::atomic<bool> pushed{false};
  std::thread producer([&] {
    queue.push("next", bytes);
    pushed = true;
  });
  const auto until = std::chrono::steady_clock::now() +
                     (expected_to_wait ? std::chrono::milliseconds(50) : std::chrono::milliseconds(2000));
  while (!pushed && std::chrono::steady_clock::now() < until) {
    std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  const bool waited = !pushed;
  CHECK(queue.pop().has_value());
  producer.join();
  return waited;
}

}  // namespace

TEST_CASE("the indexing queue is bounded in items and in bytes") {
  struct Case {
    const char* name;
    std::size_t capacity, max_bytes;
    std::size_t held_items, held_bytes_each, next_bytes;
    bool waits;
  };
  const Case cases[] = {
      {"room for one more item", 3, 1000, 2, 10, 10, false},
      {"full in items", 2, 1000, 2, 10, 10, true},
      {"room for its bytes", 8, 100, 2, 30, 40, false},
      {"full in bytes", 8, 100, 2, 30, 41, true},
      {"an item above the byte bound waits for the others", 8, 100, 1, 10, 500, true},
  };
  for (const Case& c : cases) {
    CAPTURE(c.name);
    WorkQueue<std::string> queue(c.capacity, c.max_bytes);
    for (std::size_t i = 0; i < c.held_items; ++i) REQUIRE(queue.push("held", c.held_bytes_each));
    CHECK(push_waits(queue, c.next_bytes, c.waits) == c.waits);
  }
}

TEST_CASE("an item above the byte bound goes into an empty queue, and the next waits for it") {
  WorkQueue<std::string> queue(8, 100);
  REQUIRE(queue.push("huge", 500));
  CHECK(push_waits(queue, 0, true));
  CHECK(queue.pop() == "next");
}

TEST_CASE("the indexing queue gives items in order, then nothing once closed") {
  WorkQueue<std::string> queue(4, 100);
  for (const char* item : {"a", "b", "c"}) REQUIRE(queue.push(item, 1));
  queue.close();
  for (const char* item : {"a", "b", "c"}) CHECK(queue.pop() == item);
  CHECK_FALSE(queue.pop().has_value());
}
