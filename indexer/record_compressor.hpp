#pragma once
// Compresses the records of one database (src/storage/record_compression.hpp)
// with its dictionary. A database without one keeps its first records plain
// as samples, trains a dictionary on them, and compresses every record after.
// The samples are the database's first records, whichever run wrote them, so
// that a run resumed after a crash trains the dictionary the whole run would.

#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage/record_compression.hpp"

namespace vankien::index {

class RecordCompressor {
 public:
  /// `dictionary`: the database's, if it has one; else one is trained after
  /// `sample_records` records.
  RecordCompressor(std::shared_ptr<const storage::RecordDictionary> dictionary, std::size_t sample_records);

  struct Result {
    std::string data;  ///< what to store
    std::shared_ptr<const storage::RecordDictionary> dictionary;  ///< the one `data` needs, if any
  };

  /// Safe to call from several threads at once.
  Result compress(std::string record);

  /// A record already stored (plain), taken as a sample while there is no dictionary.
  void learn_from(const std::string& record);

 private:
  void keep_sample(const std::string& record);
  void train();

  std::mutex mutex_;
  std::shared_ptr<const storage::RecordDictionary> dictionary_;
  std::size_t sample_records_;
  std::string samples_;
  std::vector<std::size_t> sample_sizes_;
  bool training_failed_ = false;
};

}  // namespace vankien::index
