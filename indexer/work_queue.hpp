#pragma once
// A bounded queue between one producer thread and one consumer: the producer
// waits when the consumer falls behind, so memory stays bounded. It is bounded
// in items and in the bytes the producer says each holds; an item larger than
// the byte bound still goes in once the queue is empty.

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <limits>
#include <mutex>
#include <optional>
#include <utility>

#include "vankien/document.hpp"

namespace vankien::index {

// Documents waiting for a writer: enough that the thread preparing them keeps
// working while the writer commits a batch, few enough to bound memory (a
// prepared document takes about ten times its text): at most this many,
// holding at most this much text. 512 indexed all of VNTC 10% faster than 64
// but took peak RSS past twice plain Xapian's (benchmarks/README.md, Indexing).
inline constexpr std::size_t waiting_documents = 128;
inline constexpr std::size_t waiting_text_bytes = std::size_t{1} << 20;

/// What a document weighs in the queue: its text.
inline std::size_t text_bytes(const Document& document) {
  return document.title.size() + document.lead.size() + document.body.size();
}

template <typename Item>
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t capacity, std::size_t max_bytes = std::numeric_limits<std::size_t>::max())
      : capacity_(capacity), max_bytes_(max_bytes) {}

  /// False when the consumer has stopped taking items.
  bool push(Item item, std::size_t bytes = 0) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] {
      return (items_.size() < capacity_ && (items_.empty() || (bytes_ <= max_bytes_ && bytes <= max_bytes_ - bytes_))) || abandoned_;
    });
    if (abandoned_) return false;
    items_.emplace_back(std::move(item), bytes);
    bytes_ += bytes;
    not_empty_.notify_one();
    return true;
  }

  /// Nothing once the producer has closed the queue and it is empty.
  std::optional<Item> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front().first);
    bytes_ -= items_.front().second;
    items_.pop_front();
    not_full_.notify_one();
    return item;
  }

  void close() {
    const std::lock_guard lock(mutex_);
    closed_ = true;
    not_empty_.notify_all();
  }

  /// The consumer gives up (an error): a waiting producer is released.
  void abandon() {
    const std::lock_guard lock(mutex_);
    abandoned_ = true;
    not_full_.notify_all();
  }

 private:
  std::size_t capacity_, max_bytes_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<std::pair<Item, std::size_t>> items_;  // with its bytes
  std::size_t bytes_ = 0;
  bool closed_ = false;
  bool abandoned_ = false;
};

}  // namespace vankien::index
