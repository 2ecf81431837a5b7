#pragma once
// Metadata extraction: fills the fields a document did not bring from its text,
// using the data files under data/ (gazetteer, topics, document types, issuers).
//
// Rules, one file each under src/metadata/:
//   layout    title (first line), lead (the paragraph after it), author (a short
//             name alone on the last line), header columns of formal documents
//   header    number ("Số 12-NQ/HU"), type, issuer, place-and-date line, access mark
//   dates     "ngày 15 tháng 3 năm 2019", "15/3/2019", "28.10.2020" ... -> ISO
//   places    district and province from the gazetteer, historical names included
//   term      "nhiệm kỳ 2015-2020", "khóa XIII", else inferred from the date
//   topics    weighted keywords on analysed text

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vankien/analyzer.hpp"
#include "vankien/document.hpp"

namespace vankien {

/// Where the data files are: $VANKIEN_DATA_DIR, else the installed copy beside
/// libvankien (../share/vankien from its lib directory, wherever the install
/// was moved), else the configured install prefix's, else the source tree's
/// data/ (for programs run from a build tree).
std::filesystem::path default_data_dir();

/// "2019-03-15" from the date forms of Party texts ("ngày 15 tháng 3 năm 2019",
/// "15/3/2019", "15-3-2019", "15.3.2019") or ISO itself, with or without a
/// time and zone ("2020-06-05T15:02:00+07:00": the day where it was written);
/// nothing for anything else, including impossible dates such as 30/2/2019.
std::optional<std::string> parse_date(std::string_view text);

/// A date that may be less than a day: its first day, and how much is known.
struct DateValue {
  std::string iso;        ///< "2020-05-01"
  std::string precision;  ///< "day", "month", "quarter", "year", or "range" (its first day)
};

/// parse_date's forms (precision "day"), and periods and ranges as posts write
/// them: "tháng 5/2020", "tháng 5 năm 2020", "2020-05" (month); "quý I/2025",
/// "quý 2 năm 2025" (quarter); "năm 2020", "2020" (year); "19-23/1/2026",
/// "10/4 - 12/4/2025", "từ ngày 10/4 đến ngày 12/4/2025" (range, its first
/// day, the year taken from its end). Never a day that was not written.
std::optional<DateValue> parse_date_value(std::string_view text);

class MetadataExtractor {
 public:
  /// Loads the data files; throws vankien::Error naming a missing or bad file.
  explicit MetadataExtractor(const std::filesystem::path& data_dir = default_data_dir());
  ~MetadataExtractor();
  MetadataExtractor(MetadataExtractor&&) noexcept;
  MetadataExtractor& operator=(MetadataExtractor&&) noexcept;

  /// Fills the empty fields of `document` from its body. Given fields are kept;
  /// a given date, access level or term that cannot be read throws vankien::Error.
  void complete(Document& document) const;
  /// The same, also giving the body's tokens, as Analyzer::analyze gives them,
  /// when extraction analysed the whole body (up to 1 MiB): an indexer then
  /// need not analyse it again. Left empty for longer bodies.
  void complete(Document& document, std::vector<Token>& body_tokens) const;

  /// The abbreviations and their expansions, for the database's synonyms.
  const std::vector<std::pair<std::string, std::string>>& abbreviations() const;

 private:
  void complete_document(Document& document, std::vector<Token>* body_tokens) const;
  struct Data;
  std::unique_ptr<const Data> data_;
};

}  // namespace vankien
