#include "storage/record_compression.hpp"

#include <zdict.h>
#include <zstd.h>

#include <cstdlib>
#include <limits>

#include "vankien/error.hpp"

namespace vankien::storage {

namespace {

// Measured on VNTC records (benchmarks/README.md, Size): level 3 with the
// dictionary makes 0.78x of what Glass's deflate does, in a fifth of its
// time; level 6 makes 0.74x in five times level 3's time.
constexpr int compression_level = 3;

// zstd writes at most 128 KiB a block and no block takes under a few bytes,
// so a frame that claims more than this many times its size is damaged.
constexpr std::uint64_t largest_ratio = 65536;

[[noreturn]] void damaged(const std::string& why) {
  throw Error("stored document data is damaged or not a vankien record (" + why + ")");
}

struct CompressContext {
  ZSTD_CCtx* context = ZSTD_createCCtx();
  ~CompressContext() { ZSTD_freeCCtx(context); }
};

struct ExpandContext {
  ZSTD_DCtx* context = ZSTD_createDCtx();
  ~ExpandContext() { ZSTD_freeDCtx(context); }
};

// Contexts are reused, one a thread: making one takes longer than a record.
ZSTD_CCtx* thread_compress_context() {
  thread_local CompressContext holder;
  if (holder.context == nullptr) throw std::bad_alloc();
  return holder.context;
}

ZSTD_DCtx* thread_expand_context() {
  thread_local ExpandContext holder;
  if (holder.context == nullptr) throw std::bad_alloc();
  return holder.context;
}

// The size `frame` says it expands to, checked against what it could hold.
std::size_t content_size(std::string_view frame) {
  const unsigned long long size = ZSTD_getFrameContentSize(frame.data(), frame.size());
  if (size == ZSTD_CONTENTSIZE_ERROR || size == ZSTD_CONTENTSIZE_UNKNOWN) damaged("no zstd frame");
  if (size > frame.size() * largest_ratio || size > std::numeric_limits<std::uint32_t>::max()) {
    damaged("a frame claiming " + std::to_string(size) + " bytes");
  }
  return static_cast<std::size_t>(size);
}

// Expands as a stream into a buffer that grows with what the frame really
// holds: a damaged size field alone never allocates what it claims.
std::string expand_frame(std::string_view frame, const ZSTD_DDict* dictionary) {
  const std::size_t claimed = content_size(frame);
  ZSTD_DCtx* context = thread_expand_context();
  ZSTD_DCtx_reset(context, ZSTD_reset_session_and_parameters);
  if (dictionary != nullptr) ZSTD_DCtx_refDDict(context, dictionary);
  std::string out(std::min<std::size_t>(claimed, 8 * frame.size() + 4096), '\0');
  ZSTD_inBuffer in{frame.data(), frame.size(), 0};
  std::size_t produced = 0;
  for (std::size_t round = 0;; ++round) {
    // Each round reads input or fills the buffer, which doubles up to the claim.
    if (round > frame.size() + 128) damaged("a frame that does not end");
    ZSTD_outBuffer into{out.data(), out.size(), produced};
    const std::size_t left = ZSTD_decompressStream(context, &into, &in);
    if (ZSTD_isError(left)) damaged(ZSTD_getErrorName(left));
    const bool progressed = into.pos > produced;
    produced = into.pos;
    if (left == 0) break;  // the frame is whole, its checksum checked
    if (produced == out.size()) {
      if (out.size() == claimed) damaged("a frame longer than it claims");
      out.resize(std::min(claimed, 2 * out.size()));
    } else if (in.pos == in.size && !progressed) {
      damaged("a frame cut short");
    }
  }
  if (in.pos != in.size) damaged("bytes after the frame");
  if (produced != claimed) damaged("a frame shorter than it claims");
  out.resize(produced);
  return out;
}

// A frame made without a dictionary.
std::string expand_without_dictionary(std::string_view frame) { return expand_frame(frame, nullptr); }

}  // namespace

struct RecordDictionary::Handles {
  std::once_flag compress_once;
  ZSTD_CDict* compress = nullptr;
  ZSTD_DDict* expand = nullptr;
  ~Handles() {
    ZSTD_freeCDict(compress);
    ZSTD_freeDDict(expand);
  }
};

std::string dictionary_key(std::uint32_t id) { return std::string(dictionary_key_prefix) + std::to_string(id); }

RecordDictionary::RecordDictionary(std::string bytes)
    : bytes_(std::move(bytes)), id_(ZDICT_getDictID(bytes_.data(), bytes_.size())), handles_(new Handles) {
  if (id_ == 0) throw Error("not a zstd dictionary");
  // Made now, so that a damaged dictionary is refused here, once.
  handles_->expand = ZSTD_createDDict(bytes_.data(), bytes_.size());
  if (handles_->expand == nullptr) throw Error("compression dictionary " + std::to_string(id_) + " is damaged");
}

RecordDictionary::~RecordDictionary() = default;

std::string RecordDictionary::compress(std::string record) const {
  std::call_once(handles_->compress_once, [&] {
    handles_->compress = ZSTD_createCDict(bytes_.data(), bytes_.size(), compression_level);
  });
  if (handles_->compress == nullptr) return record;
  std::string out(1 + ZSTD_compressBound(record.size()), compressed_record_marker);
  // With a checksum of the content (4 bytes), so that a damaged record is an
  // error, never a wrong text.
  ZSTD_CCtx* context = thread_compress_context();
  ZSTD_CCtx_reset(context, ZSTD_reset_session_and_parameters);
  ZSTD_CCtx_setParameter(context, ZSTD_c_checksumFlag, 1);
  ZSTD_CCtx_refCDict(context, handles_->compress);
  const std::size_t written = ZSTD_compress2(context, out.data() + 1, out.size() - 1, record.data(), record.size());
  if (ZSTD_isError(written) || 1 + written >= record.size()) return record;
  out.resize(1 + written);
  out.shrink_to_fit();  // the bound allocated is as large as the record
  return out;
}

std::string RecordDictionary::expand(std::string_view frame) const { return expand_frame(frame, handles_->expand); }

std::shared_ptr<const RecordDictionary> current_dictionary(const Xapian::Database& db) {
  const std::string id = db.get_metadata(std::string(current_dictionary_key));
  if (id.empty()) return nullptr;
  try {
    auto dictionary = std::make_shared<const RecordDictionary>(db.get_metadata(std::string(dictionary_key_prefix) + id));
    if (std::to_string(dictionary->id()) == id) return dictionary;
  } catch (const Error&) {
  }
  return nullptr;  // missing or damaged: a new one is trained
}

void copy_dictionaries(Xapian::WritableDatabase& into, const std::vector<Xapian::Database>& from) {
  const std::string prefix(dictionary_key_prefix);
  for (const Xapian::Database& db : from) {
    for (auto key = db.metadata_keys_begin(prefix); key != db.metadata_keys_end(prefix); ++key) {
      if (into.get_metadata(*key).empty()) into.set_metadata(*key, db.get_metadata(*key));
    }
  }
}

void RecordDictionaries::load(const Xapian::Database& shard) {
  const std::string prefix(dictionary_key_prefix);
  for (auto key = shard.metadata_keys_begin(prefix); key != shard.metadata_keys_end(prefix); ++key) {
    char* end = nullptr;
    const std::string name = *key;
    const unsigned long id = std::strtoul(name.c_str() + prefix.size(), &end, 10);
    if (end == nullptr || *end != '\0' || id > std::numeric_limits<std::uint32_t>::max()) continue;
    {
      const std::lock_guard lock(mutex_);
      if (known_.count(static_cast<std::uint32_t>(id)) != 0) continue;
    }
    std::shared_ptr<const RecordDictionary> dictionary;
    try {
      dictionary = std::make_shared<const RecordDictionary>(shard.get_metadata(name));
    } catch (const Error&) {
    }
    const std::lock_guard lock(mutex_);
    if (dictionary && dictionary->id() == id) {
      known_.emplace(dictionary->id(), std::move(dictionary));
    } else {
      damaged_.insert(static_cast<std::uint32_t>(id));  // the records naming it are reported when read
    }
  }
}

std::shared_ptr<const RecordDictionary> RecordDictionaries::find(std::uint32_t id) const {
  const std::lock_guard lock(mutex_);
  const auto found = known_.find(id);
  return found == known_.end() ? nullptr : found->second;
}

bool RecordDictionaries::is_damaged(std::uint32_t id) const {
  const std::lock_guard lock(mutex_);
  return damaged_.count(id) != 0;
}

std::string_view RecordDictionaries::plain(std::string_view data, std::string& buffer) const {
  if (!is_compressed(data)) return data;
  const std::string_view frame = data.substr(1);
  const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  if (id == 0) {
    buffer = expand_without_dictionary(frame);
  } else if (const auto dictionary = find(id)) {
    buffer = dictionary->expand(frame);
  } else {
    throw Error("stored document data needs compression dictionary " + std::to_string(id) + ", which " +
                (is_damaged(id) ? "is damaged" : "the database does not hold") + " (" + dictionary_key(id) + ")");
  }
  return buffer;
}

}  // namespace vankien::storage
