#pragma once
// A bounded queue between one producer thread and one consumer: the producer
// waits when the consumer falls behind, so memory stays bounded.

#include <condition_variable>
#include <deque>
#include <mutex>
#include <optional>

namespace vankien::index {

template <typename Item>
class WorkQueue {
 public:
  explicit WorkQueue(std::size_t capacity) : capacity_(capacity) {}

  /// False when the consumer has stopped taking items.
  bool push(Item item) {
    std::unique_lock lock(mutex_);
    not_full_.wait(lock, [&] { return items_.size() < capacity_ || abandoned_; });
    if (abandoned_) return false;
    items_.push_back(std::move(item));
    not_empty_.notify_one();
    return true;
  }

  /// Nothing once the producer has closed the queue and it is empty.
  std::optional<Item> pop() {
    std::unique_lock lock(mutex_);
    not_empty_.wait(lock, [&] { return !items_.empty() || closed_; });
    if (items_.empty()) return std::nullopt;
    Item item = std::move(items_.front());
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
  std::size_t capacity_;
  std::mutex mutex_;
  std::condition_variable not_empty_, not_full_;
  std::deque<Item> items_;
  bool closed_ = false;
  bool abandoned_ = false;
};

}  // namespace vankien::index
