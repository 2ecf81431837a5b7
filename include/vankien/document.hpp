#pragma once
// A document as vankien indexes and returns it: the text and its metadata.
// Fields given by the input win; the indexer fills the empty ones from the
// text (see metadata.hpp).

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace vankien {

/// Who may see a document. Ordered: a caller cleared for a level sees every
/// document at that level and below.
enum class Access : int {
  public_ = 0,   ///< the default
  internal = 1,  ///< LƯU HÀNH NỘI BỘ (internal circulation)
  confidential = 2,  ///< MẬT
  secret = 3,        ///< TỐI MẬT
  top_secret = 4,    ///< TUYỆT MẬT
};

/// "public", "internal", "confidential", "secret", "top_secret".
std::string_view access_name(Access access);
/// Parses those names and their Vietnamese marks ("mật", "tối mật", "lưu hành
/// nội bộ", with or without diacritics, among `*`, `.`, `:`, brackets, `_`,
/// `-` and spaces); nothing when unknown, or longer than 64 bytes without
/// that decoration.
std::optional<Access> parse_access(std::string_view text);

/// Where a document came from, for error messages and derived ids.
struct SourceLocation {
  std::string file;        ///< "-" for standard input
  std::size_t line = 0;    ///< 1-based; 0 when not known
  std::size_t offset = 0;  ///< byte offset of the document in the file

  std::string to_string() const;  ///< "file:line", "file@offset", or "file" for the whole file
};

struct Document {
  std::string id;        ///< unique; derived from the source when empty
  std::string title;
  std::string lead;      ///< the paragraph under the title (sapo), if any
  std::string body;      ///< the full text; snippets are cut from it
  std::string date;      ///< ISO 8601, "2019-03-15"; a period's or a range's first day
  std::string date_precision;  ///< "day", "month", "quarter", "year" or "range"; empty without a date
  std::string type;      ///< document type name: "Nghị quyết", "Bài viết" ...
  std::string number;    ///< "12-NQ/HU", "1654/NQ-UBTVQH15"
  std::string numbering; ///< "party" or "state", from the number's shape
  std::string issuer;    ///< "Huyện ủy Bạch Thông"
  std::string district;  ///< "Bạch Thông"
  std::string province;  ///< "Bắc Kạn": the province at the document's time
  std::string successor_province;  ///< after the 2025 reform: "Thái Nguyên"
  std::string term;      ///< congress term "2015-2020"
  bool term_inferred = false;  ///< true when the term came from the date
  std::vector<std::string> topics;  ///< topic labels from data/topics.tsv
  std::vector<std::string> tags;    ///< the source's own categories and tags, searchable as words
  /// Numbers of the other documents the text cites ("35-NQ/TW"), as numbers
  /// are written, in the order first cited; the document's own number is not one.
  std::vector<std::string> cited_numbers;
  std::string author;
  std::string url;
  std::string encoding;  ///< what the source was read as: "utf-8", "tcvn3", "vni-windows" ...
  /// The district and province of the source (a district portal's posts),
  /// for metadata extraction when the text names no unit itself; not stored.
  std::string default_district, default_province;
  Access access = Access::public_;
  SourceLocation source;
};

}  // namespace vankien
