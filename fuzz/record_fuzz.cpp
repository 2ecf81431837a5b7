// Any bytes as stored document data (a damaged database): expanding a
// compressed record (without a dictionary here: zstd's own frames) and
// decoding give a record or a vankien::Error, and a snippet started at any of the record's
// checkpoints, reading from checkpoint to checkpoint, stays inside the body.
#include <cstdint>
#include <string>

#include "storage/document_record.hpp"
#include "storage/record_compression.hpp"
#include "query/snippet.hpp"
#include "vankien/error.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  try {
    const vankien::storage::RecordDictionaries none;
    std::string expanded;
    const vankien::storage::Record record = vankien::storage::decode_record(none.plain(bytes, expanded));
    const std::string& body = record.document.body;
    for (const vankien::storage::Checkpoint& checkpoint : record.body_index.checkpoints) {
      const vankien::Snippet snippet = vankien::query::make_snippet(
          body, vankien::query::Highlighting::of_words({"a", "ban"}), 120, {}, nullptr,
          {checkpoint.byte, checkpoint.position, UINT32_MAX, &record.body_index.checkpoints});
      if (snippet.end > body.size() || snippet.begin > snippet.end) __builtin_trap();
    }
  } catch (const vankien::Error&) {
  }
  return 0;
}
