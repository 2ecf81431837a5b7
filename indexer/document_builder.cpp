#include "document_builder.hpp"

#include <algorithm>
#include <cstdio>
#include <string_view>
#include <unordered_map>

#include "storage/document_record.hpp"
#include "storage/syllable_pairs.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::index {

namespace {

using schema::max_term_bytes;

bool indexable(const Token& token) { return token.folded.size() <= max_term_bytes; }

// Where the next field starts, after one whose words end before `end_of_field`.
Xapian::termpos next_field(Xapian::termpos end_of_field) { return end_of_field + field_gap; }

// The weighted terms of one document: each term's raw wdf (field wdfs summed)
// is stored once the document's length is known (schema::stored_wdf).
class WeightedTerms {
 public:
  void add(std::string_view term, Xapian::termcount raw_wdf) {
    auto found = raw_.find(term);
    if (found == raw_.end()) found = raw_.emplace(std::string(term), 0).first;
    found->second += raw_wdf;
  }
  void count_word() { ++length_; }

  void store(Xapian::Document& xapian) const {
    for (const auto& [term, raw_wdf] : raw_) xapian.add_term(term, schema::stored_wdf(raw_wdf, length_));
  }

 private:
  struct Hash {
    using is_transparent = void;
    std::size_t operator()(std::string_view text) const { return std::hash<std::string_view>{}(text); }
  };
  std::unordered_map<std::string, Xapian::termcount, Hash, std::equal_to<>> raw_;
  Xapian::termcount length_ = 0;
};

// Words standing side by side, parted by blanks only (not a line break or
// punctuation), as runs: words of a run parted by ' ', runs by '\n'. Counted
// into the table of how neighbouring syllables are written
// (storage/syllable_pairs.hpp) once per document.
class WordRuns {
 public:
  void add(const std::string& text, const Token& token) {
    if (token.kind != TokenKind::word) {
      in_run_ = false;
      return;
    }
    const bool follows =
        in_run_ && token.position == position_ + 1 && storage::parted_by_blanks(text, end_, token.begin);
    runs_ += follows ? ' ' : '\n';
    runs_ += token.text;
    in_run_ = true;
    position_ = token.position;
    end_ = token.end;
  }
  void end_field() { in_run_ = false; }
  const std::string& runs() const { return runs_; }
  void clear() { std::string().swap(runs_); }

 private:
  std::string runs_;
  bool in_run_ = false;
  std::uint32_t position_ = 0;
  std::size_t end_ = 0;
};

// Adds one text field's positions and weighted terms, each folded word once
// more under `field_prefix` when there is one, and the field's checkpoints to
// `body_index` when given; returns the position after its last word.
Xapian::termpos add_text(Xapian::Document& xapian, WeightedTerms& terms, const std::string& text,
                         Xapian::termpos first_position, Xapian::termcount wdf,
                         std::string_view field_prefix = {}, storage::BodyIndex* body_index = nullptr,
                         const std::vector<Token>* analysed = nullptr,
                         WordRuns* runs = nullptr) {
  Xapian::termpos last = first_position;
  if (runs) runs->end_field();
  std::string prefixed;
  std::uint32_t next_checkpoint = storage::checkpoint_interval;
  std::size_t code_end = 0;  // a code may hold a space ("35- NQ/TW"): no checkpoint inside it
  const auto add = [&](const Token& token) {
    if (token.kind == TokenKind::code) code_end = token.end;
    // Analysis restarted at a word after a space numbers the words that
    // follow as analysis from the start does (make_snippet relies on it).
    if (body_index && token.position >= next_checkpoint && token.begin > 0 && token.begin >= code_end &&
        std::string_view(" \n\t\r").find(text[token.begin - 1]) != std::string_view::npos) {
      body_index->checkpoints.push_back({static_cast<std::uint32_t>(token.position),
                                         static_cast<std::uint32_t>(token.begin)});
      next_checkpoint = static_cast<std::uint32_t>(token.position) + storage::checkpoint_interval;
    }
    if (runs) runs->add(text, token);
    if (!indexable(token)) return;
    const Xapian::termpos position = first_position + token.position;
    xapian.add_posting(token.folded, position, 0);
    terms.add(token.folded, wdf);
    terms.count_word();
    if (token.text != token.folded && token.text.size() + 2 <= max_term_bytes) {
      prefixed.assign(schema::exact).append(token.text);
      terms.add(prefixed, wdf);
    }
    if (!field_prefix.empty() && token.folded.size() + field_prefix.size() <= max_term_bytes) {
      prefixed.assign(field_prefix).append(token.folded);
      terms.add(prefixed, 1);
    }
    last = std::max(last, position + 1);
  };
  if (analysed && !analysed->empty()) {
    for (const Token& token : *analysed) add(token);
  } else {
    Analyzer().analyze(text, add);
  }
  return last;
}

void add_boolean(Xapian::Document& xapian, std::string_view prefix, const std::string& value) {
  if (value.empty()) return;
  std::string term = std::string(prefix) + value;
  if (term.size() <= max_term_bytes) xapian.add_boolean_term(term);
}

void add_keyed(Xapian::Document& xapian, std::string_view prefix, const std::string& value) {
  if (!value.empty()) add_boolean(xapian, prefix, schema::facet_key(value));
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : "\n") + value;
  return out;
}

}  // namespace

std::string content_hash(std::string_view bytes) { return content_hash({bytes}); }

std::string content_hash(std::initializer_list<std::string_view> parts) {
  // FNV-1a, 64 bits: stable across platforms and releases, which std::hash is not.
  std::uint64_t hash = 14695981039346656037ull;
  for (const std::string_view bytes : parts) {
    for (char c : bytes) hash = (hash ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  }
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(hash));
  return buffer;
}

Xapian::Document build_document(Document&& doc, const std::string& hash, const std::vector<Token>* body_tokens,
                                storage::PairCounter* pairs) {
  Xapian::Document xapian;
  // The table must not tell what restricted text holds.
  WordRuns word_runs;
  WordRuns* runs = pairs && doc.access == Access::public_ ? &word_runs : nullptr;
  xapian.add_boolean_term(schema::id_term(doc.id));
  xapian.add_value(schema::id_slot, doc.id);

  WeightedTerms terms;
  Xapian::termpos position = 1;
  position = next_field(add_text(xapian, terms, doc.title, position, schema::title_wdf, schema::title_word,
                                             nullptr, nullptr, runs));
  position = next_field(add_text(xapian, terms, doc.lead, position, schema::lead_wdf, {}, nullptr, nullptr, runs));
  if (!doc.tags.empty()) {
    // The source's categories and tags are words of the document, weighted as the lead.
    std::string tags;
    for (const std::string& tag : doc.tags) tags.append(tags.empty() ? "" : "\n").append(tag);
    position = next_field(add_text(xapian, terms, tags, position, schema::lead_wdf));
  }
  storage::BodyIndex body_index;
  body_index.first_position = position;
  add_text(xapian, terms, doc.body, position, schema::body_wdf, {}, &body_index, body_tokens, runs);
  if (runs) {
    pairs->add_runs(runs->runs());
    runs->clear();  // before the record holds the body a second time
  }
  {
    // The body is in the record now: freed before Xapian copies the record,
    // so that a large document is held at most twice here.
    const std::string record = storage::encode_record(doc, body_index);
    std::string().swap(doc.body);
    xapian.set_data(record);
  }

  if (!doc.district.empty()) {
    add_boolean(xapian, schema::district,
                schema::facet_key(doc.province) + "/" + schema::facet_key(doc.district));
    add_keyed(xapian, schema::district_name, doc.district);
    xapian.add_value(schema::district_slot,
                     doc.province.empty() ? doc.district : doc.district + ", " + doc.province);
  }
  add_keyed(xapian, schema::province, doc.province);
  add_keyed(xapian, schema::province, doc.successor_province);
  if (!doc.province.empty()) xapian.add_value(schema::province_slot, doc.province);
  add_boolean(xapian, schema::term, doc.term);
  if (!doc.term.empty()) xapian.add_value(schema::term_slot, doc.term);
  for (const std::string& topic : doc.topics) add_keyed(xapian, schema::topic, topic);
  if (!doc.topics.empty()) xapian.add_value(schema::topics_slot, joined(doc.topics));
  add_keyed(xapian, schema::type, doc.type);
  if (!doc.type.empty()) xapian.add_value(schema::type_slot, doc.type);
  add_keyed(xapian, schema::issuer, doc.issuer);
  if (!doc.issuer.empty()) xapian.add_value(schema::issuer_slot, doc.issuer);
  // The number term carries weight, so a query for a code can rank the
  // document itself above the ones citing it (query_builder.cpp).
  if (const std::string number = std::string(schema::number) + fold(doc.number);
      !doc.number.empty() && number.size() <= max_term_bytes) {
    terms.add(number, 1);
  }
  terms.store(xapian);
  for (const std::string& cited : doc.cited_numbers) {
    if (const std::string term = std::string(schema::cited) + fold(cited); term.size() <= max_term_bytes) {
      xapian.add_boolean_term(term);
    }
  }
  add_keyed(xapian, schema::author, doc.author);
  add_boolean(xapian, schema::access, std::string(access_name(doc.access)));
  if (doc.date.size() == 10) {
    const std::string compact = doc.date.substr(0, 4) + doc.date.substr(5, 2) + doc.date.substr(8, 2);
    add_boolean(xapian, schema::year, compact.substr(0, 4));
    add_boolean(xapian, schema::month, compact.substr(0, 6));
    add_boolean(xapian, schema::date, compact);
    xapian.add_value(schema::date_slot, compact);
    xapian.add_value(schema::year_slot, compact.substr(0, 4));
  }
  xapian.add_value(schema::date_order_slot,
                   xapian.get_value(schema::date_slot) + schema::facet_separator + doc.id);
  xapian.add_value(schema::hash_slot, hash);
  // Facet values in the order of query/facets.cpp: district, province, term,
  // topics, type, year.
  std::string facets;
  for (const schema::Slot slot : {schema::district_slot, schema::province_slot, schema::term_slot,
                                  schema::topics_slot, schema::type_slot, schema::year_slot}) {
    if (slot != schema::district_slot) facets += schema::facet_separator;
    facets += xapian.get_value(slot);
  }
  xapian.add_value(schema::facets_slot, facets);
  return xapian;
}

}  // namespace vankien::index
