#include "helper_thread.hpp"

#include <pthread.h>

#include <chrono>
#include <utility>

namespace vankien::query {


namespace {

// Counts forks, in the child.
std::atomic<unsigned> fork_generation{0};

}  // namespace

unsigned current_fork_generation() {
  static const bool registered = [] {
    pthread_atfork(nullptr, nullptr, [] { fork_generation.fetch_add(1); });
    return true;
  }();
  (void)registered;
  return fork_generation.load();
}

namespace {

void cpu_relax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#else
  std::this_thread::yield();
#endif
}

// Waking a sleeping thread takes from 60 µs to most of a millisecond on a
// virtual machine, as long as half a search. A search posts its next batch of
// items (re-ranking after matching, snippets after re-ranking) microseconds
// after the last ends, and searches one after another (a busy portal, a batch
// of queries) start within a few hundred: after each batch the helper watches
// for the next this long before sleeping, as OpenMP's threads do.
constexpr std::chrono::microseconds watch_before_sleeping{300};

}  // namespace

HelperThread::HelperThread() : fork_generation_(current_fork_generation()), thread_([this] { serve(); }) {}

HelperThread::~HelperThread() {
  if (fork_generation_ != current_fork_generation()) {
    thread_.detach();  // not ours to join: it exists only in the parent
    return;
  }
  {
    const std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_one();
  thread_.join();
}

bool HelperThread::try_claim() {
  if (fork_generation_ != current_fork_generation()) return false;
  return !claimed_.exchange(true, std::memory_order_acquire);
}

void HelperThread::release() { claimed_.store(false, std::memory_order_release); }

void HelperThread::post(std::function<void()> work) {
  {
    const std::lock_guard lock(mutex_);
    work_ = std::move(work);
    error_ = nullptr;
    const std::uint64_t number = posted_.load() + 1;
    state_.store(number * 4 + pending);
    posted_.store(number);
  }
  wake_.notify_one();
}

void HelperThread::finish_posted(bool rethrow) {
  const std::uint64_t number = posted_.load();
  std::uint64_t expected = number * 4 + pending;
  // Not started yet: withdrawn, and the helper will leave it alone.
  if (state_.compare_exchange_strong(expected, number * 4 + withdrawn)) return;
  // Started: it is at its last item, as the caller has taken the others.
  // Most items take microseconds, so the caller watches for a moment; one
  // may take much longer (a remote read waits on the network, up to its
  // timeout), so then the caller sleeps until the helper is done.
  const std::uint64_t finished = number * 4 + done;
  for (unsigned spins = 0; spins < 1000 && state_.load(std::memory_order_acquire) != finished; ++spins) {
    cpu_relax();
  }
  for (std::uint64_t now = state_.load(std::memory_order_acquire); now != finished;
       now = state_.load(std::memory_order_acquire)) {
    state_.wait(now, std::memory_order_acquire);
  }
  if (rethrow && error_) std::rethrow_exception(std::exchange(error_, nullptr));
}

void HelperThread::serve() {
  std::uint64_t seen = 0;
  for (;;) {
    const auto watch_until = std::chrono::steady_clock::now() + watch_before_sleeping;
    while (posted_.load(std::memory_order_relaxed) == seen && std::chrono::steady_clock::now() < watch_until) {
      cpu_relax();
    }
    std::function<void()> work;
    {
      std::unique_lock lock(mutex_);
      wake_.wait(lock, [&] { return stopping_ || posted_.load() != seen; });
      if (stopping_) return;
      seen = posted_.load();
      work = work_;
    }
    std::uint64_t expected = seen * 4 + pending;
    if (!state_.compare_exchange_strong(expected, seen * 4 + running)) continue;  // withdrawn
    try {
      work();
    } catch (...) {
      error_ = std::current_exception();
    }
    state_.store(seen * 4 + done, std::memory_order_release);
    state_.notify_all();
  }
}

}  // namespace vankien::query
