#include "storage/record_compression.hpp"

#define ZSTD_STATIC_LINKING_ONLY  // ZSTD_getFrameContentSize's limits
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

template <typename Expand>
std::string expand_frame(std::string_view frame, Expand expand) {
  std::string out(content_size(frame), '\0');
  const std::size_t written = expand(out.data(), out.size());
  if (ZSTD_isError(written)) damaged(ZSTD_getErrorName(written));
  if (written != out.size()) damaged("a frame shorter than it claims");
  return out;
}

}  // namespace

struct RecordDictionary::Handles {
  std::once_flag compress_once, expand_once;
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
  return out;
}

std::string RecordDictionary::expand(std::string_view frame) const {
  std::call_once(handles_->expand_once, [&] {
    handles_->expand = ZSTD_createDDict(bytes_.data(), bytes_.size());
  });
  if (handles_->expand == nullptr) throw std::bad_alloc();
  return expand_frame(frame, [&](char* out, std::size_t size) {
    return ZSTD_decompress_usingDDict(thread_expand_context(), out, size, frame.data(), frame.size(),
                                      handles_->expand);
  });
}

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

std::string expand_without_dictionary(std::string_view frame) {
  return expand_frame(frame, [&](char* out, std::size_t size) {
    return ZSTD_decompressDCtx(thread_expand_context(), out, size, frame.data(), frame.size());
  });
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
      continue;  // not a dictionary: the records naming it are reported when read
    }
    if (dictionary->id() != id) continue;
    const std::lock_guard lock(mutex_);
    known_.emplace(dictionary->id(), std::move(dictionary));
  }
}

std::shared_ptr<const RecordDictionary> RecordDictionaries::find(std::uint32_t id) const {
  const std::lock_guard lock(mutex_);
  const auto found = known_.find(id);
  return found == known_.end() ? nullptr : found->second;
}

std::string_view RecordDictionaries::plain(std::string_view data, std::string& buffer) const {
  if (data.empty() || data.front() != compressed_record_marker) return data;
  const std::string_view frame = data.substr(1);
  const unsigned id = ZSTD_getDictID_fromFrame(frame.data(), frame.size());
  if (id == 0) {
    buffer = expand_without_dictionary(frame);
  } else if (const auto dictionary = find(id)) {
    buffer = dictionary->expand(frame);
  } else {
    throw Error("stored document data needs compression dictionary " + std::to_string(id) +
                ", which the database does not hold (" + dictionary_key(id) + ")");
  }
  return buffer;
}

}  // namespace vankien::storage
