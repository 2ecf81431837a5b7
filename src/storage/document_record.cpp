#include "storage/document_record.hpp"

#include <algorithm>

#include "vankien/error.hpp"

namespace vankien::storage {

namespace {

void put_number(std::string& out, std::uint64_t value) {
  // Seven bits a byte, low first; the top bit says more follow.
  while (value >= 0x80) {
    out += static_cast<char>((value & 0x7f) | 0x80);
    value >>= 7;
  }
  out += static_cast<char>(value);
}

void put_text(std::string& out, std::string_view text) {
  put_number(out, text.size());
  out += text;
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}

  std::uint64_t number() {
    std::uint64_t value = 0;
    for (unsigned shift = 0; shift < 64; shift += 7) {
      if (at_ == data_.size()) fail();
      const auto byte = static_cast<unsigned char>(data_[at_++]);
      value |= static_cast<std::uint64_t>(byte & 0x7f) << shift;
      if (byte < 0x80) return value;
    }
    fail();
  }

  std::uint32_t number32() {
    const std::uint64_t value = number();
    if (value > UINT32_MAX) fail();
    return static_cast<std::uint32_t>(value);
  }

  std::string text() {
    const std::uint64_t size = number();
    if (size > data_.size() - at_) fail();
    std::string out(data_.substr(at_, size));
    at_ += size;
    return out;
  }

  std::string_view rest() const { return data_.substr(at_); }

  [[noreturn]] void fail() const {
    throw Error("stored document data is damaged or not a vankien record (at byte " +
                std::to_string(at_) + " of " + std::to_string(data_.size()) + ")");
  }

 private:
  std::string_view data_;
  std::size_t at_ = 0;
};

}  // namespace

std::string encode_fields(const Document& doc) {
  std::string out;
  for (const std::string* field :
       {&doc.id, &doc.title, &doc.lead, &doc.date, &doc.type, &doc.number, &doc.numbering, &doc.issuer,
        &doc.district, &doc.province, &doc.successor_province, &doc.term, &doc.author, &doc.url}) {
    put_text(out, *field);
  }
  put_text(out, doc.source.to_string());
  put_number(out, static_cast<std::uint64_t>(doc.access));
  put_number(out, doc.term_inferred ? 1 : 0);
  put_number(out, doc.topics.size());
  for (const std::string& topic : doc.topics) put_text(out, topic);
  put_number(out, doc.tags.size());
  for (const std::string& tag : doc.tags) put_text(out, tag);
  put_text(out, doc.encoding);
  put_text(out, doc.date_precision);
  put_number(out, doc.cited_numbers.size());
  for (const std::string& number : doc.cited_numbers) put_text(out, number);
  return out;
}

std::string encode_record(const Document& doc, const BodyIndex& body_index) {
  std::string out = encode_fields(doc);
  put_number(out, body_index.first_position);
  put_number(out, body_index.checkpoints.size());
  Checkpoint previous;
  for (const Checkpoint& checkpoint : body_index.checkpoints) {
    put_number(out, checkpoint.position - previous.position);
    put_number(out, checkpoint.byte - previous.byte);
    previous = checkpoint;
  }
  out += doc.body;
  return out;
}

Record decode_record(std::string_view data) {
  Reader in(data);
  Record record;
  Document& doc = record.document;
  for (std::string* field :
       {&doc.id, &doc.title, &doc.lead, &doc.date, &doc.type, &doc.number, &doc.numbering, &doc.issuer,
        &doc.district, &doc.province, &doc.successor_province, &doc.term, &doc.author, &doc.url}) {
    *field = in.text();
  }
  doc.source.file = in.text();
  const std::uint64_t access = in.number();
  // A level this version does not know is treated as the highest: hidden.
  doc.access = access <= static_cast<std::uint64_t>(Access::top_secret) ? static_cast<Access>(access)
                                                                         : Access::top_secret;
  doc.term_inferred = in.number() != 0;
  const std::uint64_t topics = in.number();
  if (topics > data.size()) in.fail();
  for (std::uint64_t i = 0; i < topics; ++i) doc.topics.push_back(in.text());
  const std::uint64_t tags = in.number();
  if (tags > data.size()) in.fail();
  for (std::uint64_t i = 0; i < tags; ++i) doc.tags.push_back(in.text());
  doc.encoding = in.text();
  doc.date_precision = in.text();
  const std::uint64_t cited = in.number();
  if (cited > data.size()) in.fail();
  for (std::uint64_t i = 0; i < cited; ++i) doc.cited_numbers.push_back(in.text());

  BodyIndex& body_index = record.body_index;
  body_index.first_position = in.number32();
  const std::uint64_t checkpoints = in.number();
  if (checkpoints > data.size()) in.fail();
  body_index.checkpoints.reserve(checkpoints);
  Checkpoint at;
  for (std::uint64_t i = 0; i < checkpoints; ++i) {
    const Checkpoint previous = at;
    at.position += in.number32();
    at.byte += in.number32();
    if (at.position < previous.position || at.byte < previous.byte) in.fail();  // wrapped: damaged
    body_index.checkpoints.push_back(at);
  }
  doc.body = std::string(in.rest());
  for (const Checkpoint& checkpoint : body_index.checkpoints) {
    if (checkpoint.byte > doc.body.size()) in.fail();
  }
  return record;
}

Checkpoint checkpoint_before(const BodyIndex& body_index, std::uint32_t position) {
  const auto& points = body_index.checkpoints;
  const auto after = std::upper_bound(points.begin(), points.end(), position,
                                      [](std::uint32_t p, const Checkpoint& c) { return p < c.position; });
  return after == points.begin() ? Checkpoint{} : *(after - 1);
}

}  // namespace vankien::storage
