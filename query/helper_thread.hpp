#pragma once
// A thread that one search at a time may share its per-hit work with, so that
// a search uses a second core when the machine has one free.
//
// Sharing costs the caller nothing it would not spend alone: items are taken
// one at a time by whichever thread is free, so a helper that wakes late (an
// idle core takes tens of microseconds to wake) takes fewer, or none; and a
// search that finds the helper held by another does all its items itself, so
// under load searches never wait for one another. After each batch of items
// the helper spins for a moment, watching for the next, before it sleeps.

#include <atomic>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>

namespace vankien::query {

/// How many forks the process descends from: a child has none of its
/// parent's threads, so what they were doing never ends there.
unsigned current_fork_generation();

class HelperThread {
 public:
  HelperThread();
  ~HelperThread();
  HelperThread(const HelperThread&) = delete;
  HelperThread& operator=(const HelperThread&) = delete;

  /// Claims the thread for one search; false when another search holds it or
  /// when this process is a fork of the one that started it (the thread did
  /// not come along).
  bool try_claim();
  void release();

  /// Runs `work(i, on_helper)` once for every i in [0, count), on the caller's
  /// thread and on this one (claimed), and returns when every item is done.
  /// What an item throws is rethrown here.
  template <typename Work>
  void share(std::size_t count, Work&& work) {
    std::atomic<std::size_t> next{0};
    auto take_items = [&](bool on_helper) {
      for (std::size_t i = next++; i < count; i = next++) work(i, on_helper);
    };
    if (count > 1) post([&] { take_items(true); });
    try {
      take_items(false);
    } catch (...) {
      finish_posted(/*rethrow=*/false);  // its work refers to this frame
      throw;
    }
    if (count > 1) finish_posted(/*rethrow=*/true);
  }

  /// Starts `work` on this thread (claimed) and returns at once; `join`
  /// follows. Work not begun by the time of `join` is withdrawn and never
  /// runs, so it must be work that may be left undone: taking items from a
  /// counter the caller also takes from, say.
  void start(std::function<void()> work) { post(std::move(work)); }
  /// Returns once the started work has ended or was withdrawn; rethrows
  /// what it threw.
  void join() { finish_posted(/*rethrow=*/true); }

 private:
  // The state of the latest work posted: its number, times four, plus a phase.
  enum Phase : std::uint64_t { pending = 0, running = 1, done = 2, withdrawn = 3 };

  void post(std::function<void()> work);
  void finish_posted(bool rethrow);
  void serve();

  std::atomic<bool> claimed_{false};
  unsigned fork_generation_;
  std::mutex mutex_;
  std::condition_variable wake_;
  std::function<void()> work_;          // guarded by mutex_
  std::atomic<std::uint64_t> posted_{0};  // written under mutex_
  std::atomic<std::uint64_t> state_{0};
  std::exception_ptr error_;  // written by the helper before `done`
  bool stopping_ = false;     // guarded by mutex_
  std::thread thread_;        // last: starts once the state above exists
};

}  // namespace vankien::query
