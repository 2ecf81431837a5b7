#include "record_compressor.hpp"

#include <zdict.h>

#include <algorithm>

#include "vankien/error.hpp"

namespace vankien::index {

namespace {

// A dictionary holds the text records share: on VNTC, 64 KiB compressed as
// well as 110 KiB and 2% better than 32 KiB (benchmarks/README.md, Size).
constexpr std::size_t dictionary_bytes = 64 * 1024;
// What a record may give to the samples, and all of them together: the
// samples are held in memory until the dictionary is trained.
constexpr std::size_t sample_bytes_per_record = 64 * 1024;
constexpr std::size_t sample_bytes = 8 * 1024 * 1024;

}  // namespace

RecordCompressor::RecordCompressor(std::shared_ptr<const storage::RecordDictionary> dictionary,
                                   std::size_t sample_records)
    : dictionary_(std::move(dictionary)), sample_records_(std::max<std::size_t>(sample_records, 1)) {}

RecordCompressor::Result RecordCompressor::compress(std::string record) {
  std::shared_ptr<const storage::RecordDictionary> dictionary;
  {
    const std::lock_guard lock(mutex_);
    dictionary = dictionary_;  // the record that completes the samples stays plain, as they do
    if (!dictionary_ && !training_failed_) keep_sample(record);
  }
  if (!dictionary) return {std::move(record), nullptr};
  std::string data = dictionary->compress(std::move(record));
  const bool compressed = storage::is_compressed(data);
  return {std::move(data), compressed ? std::move(dictionary) : nullptr};
}

void RecordCompressor::learn_from(const std::string& record) {
  const std::lock_guard lock(mutex_);
  if (!dictionary_ && !training_failed_) keep_sample(record);
}

void RecordCompressor::keep_sample(const std::string& record) {
  const std::size_t bytes = std::min(record.size(), sample_bytes_per_record);
  samples_.append(record, 0, bytes);
  sample_sizes_.push_back(bytes);
  if (sample_sizes_.size() >= sample_records_ || samples_.size() >= sample_bytes) train();
}

void RecordCompressor::train() {
  // A dictionary much larger than a tenth of its samples learns their noise.
  const std::size_t capacity = std::min(dictionary_bytes, std::max<std::size_t>(samples_.size() / 10, 1024));
  std::string bytes(capacity, '\0');
  const std::size_t size = ZDICT_trainFromBuffer(bytes.data(), bytes.size(), samples_.data(), sample_sizes_.data(),
                                                 static_cast<unsigned>(sample_sizes_.size()));
  std::string().swap(samples_);
  std::vector<std::size_t>().swap(sample_sizes_);
  if (ZDICT_isError(size)) {
    training_failed_ = true;  // too few or too alike: records stay plain
    return;
  }
  bytes.resize(size);
  try {
    dictionary_ = std::make_shared<const storage::RecordDictionary>(std::move(bytes));
  } catch (const Error&) {
    training_failed_ = true;
  }
}

}  // namespace vankien::index
