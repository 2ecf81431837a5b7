#pragma once
// The document data stored in the database (schema format 4): the stored
// fields in a compact binary form, the body's word index, then the body as it
// is. Reading a hit's fields is a few copies rather than a JSON parse, and the
// word index lets a snippet start analysing the body near its passage.

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "vankien/document.hpp"

namespace vankien::storage {

/// Where a word starts in the body: its position among the body's words
/// (from 0) and its byte offset, just after a space, where analysis can start.
struct Checkpoint {
  std::uint32_t position = 0;
  std::uint32_t byte = 0;
};

/// The body's words as the index numbers them.
struct BodyIndex {
  std::uint32_t first_position = 0;     ///< index position of the body's first word
  std::vector<Checkpoint> checkpoints;  ///< ascending, about every checkpoint_interval words
};

/// Words between checkpoints: a snippet analyses at most this many words
/// before its passage.
inline constexpr std::uint32_t checkpoint_interval = 32;

struct Record {
  Document document;
  BodyIndex body_index;
};

/// Every stored field but the body, encoded; also what change detection hashes.
std::string encode_fields(const Document& document);
std::string encode_record(const Document& document, const BodyIndex& body_index);
/// Throws vankien::Error when `data` is not a stored vankien record.
Record decode_record(std::string_view data);

/// The last checkpoint at or before body word `position` (the body's start when none).
Checkpoint checkpoint_before(const BodyIndex& body_index, std::uint32_t position);

}  // namespace vankien::storage
