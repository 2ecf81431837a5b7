#pragma once
// Document numbers and what they say: the type code and the issuer code.
//   Party:  "12-NQ/HU"          number, '-', type, '/', issuer
//           "05-QC/BTCTU-BDVTU" a joint issue names several issuers
//   State:  "155/KH-UBND", "22/2019/NQ-HĐND", "1654/NQ-UBTVQH15"
//   A law:  "36/2018/QH14"      number, year, the assembly; no type code
// plus the tables of type names (data/document_types.tsv) and issuing bodies
// (data/issuers.tsv) that turn codes and capitalised headers into names.

#include <filesystem>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "metadata/analyzed_text.hpp"

namespace vankien::metadata {

struct DocumentNumber {
  std::string type_code;    // "NQ"
  std::string issuer_code;  // "HU"; for a joint issue the first issuer
  bool party = false;       // hyphen after the number (Party) vs slash (State)
};

/// Reads a document number's shape; nothing when it is not one.
std::optional<DocumentNumber> parse_number(std::string_view number);

/// A number as it should be written: without the spaces real posts put
/// around its dash, any dash as '-' ("35 – NQ/TW" -> "35-NQ/TW"); case kept.
std::string written_number(std::string_view text);

/// The numbers of the documents `text` cites, as written_number writes them,
/// in the order first cited, each once, without `own` (the document's own
/// number); at most `limit`.
std::vector<std::string> cited_numbers(const AnalyzedText& text, std::string_view own, std::size_t limit);

class DocumentTypes {
 public:
  explicit DocumentTypes(const std::filesystem::path& file);
  /// "NQ", "nq", "QD", "TTR" -> the type's name; empty when unknown.
  std::string name_for_code(const std::string& code) const;
  /// A type's name, key or heading ("NGHỊ QUYẾT", "nghi_quyet") -> its name.
  std::string name_for(const std::string& text) const;

 private:
  std::unordered_map<std::string, std::string> by_code_;  // folded code -> name
  std::unordered_map<std::string, std::string> by_key_;   // facet key -> name
};

class Issuers {
 public:
  explicit Issuers(const std::filesystem::path& file);
  /// "HU", "UBTVQH15" -> "Huyện ủy", "Ủy ban Thường vụ Quốc hội"; empty when unknown.
  std::string name_for_code(const std::string& code) const;
  /// A capitalised header ("HUYỆN ỦY BẠCH THÔNG") in proper case, using the
  /// known bodies and `place_names` (proper-case names to look for).
  std::string proper_case(const std::string& heading,
                          const std::vector<std::string>& place_names) const;
  /// True for the Central Committee and its bodies.
  static bool is_central_code(const std::string& code);

 private:
  std::unordered_map<std::string, std::string> by_code_;  // folded code -> name
  std::vector<std::string> names_;                        // longest first
};

}  // namespace vankien::metadata
