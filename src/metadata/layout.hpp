#pragma once
// The visible structure of a plain-text document.
//
// An article: a title line (often in capitals), an optional lead paragraph,
// photo captions (lines indented far to the right), the body, and the author's
// name alone on the last line.
// A formal document: a header in two columns (issuing body and number on the
// left, "ĐẢNG CỘNG SẢN VIỆT NAM" and the place-and-date line on the right), which
// plain-text conversions often put side by side on one line, then the type
// heading ("NGHỊ QUYẾT") and its subject.
// A post exported from a portal may have its title apart from the body, and a
// byline ("Thứ Sáu, 05/06/2020 - 15:02", "(Cập nhật: 12/05/2020)") above the
// lead or at the end: bylines are set apart, never a title or a lead.

#include <string>
#include <string_view>
#include <vector>

namespace vankien::metadata {

struct Layout {
  bool formal = false;          // has a document header
  std::string title;
  std::string lead;
  std::string author;
  std::string issuer_heading;   // left header column, capitals: "HUYỆN ỦY BẠCH THÔNG"
  std::string type_heading;     // "NGHỊ QUYẾT"
  std::size_t header_bytes = 0; // where the header (and title) end in the body
  std::vector<std::string> header_cells;  // every header cell, for marks and dates
  std::vector<std::string> closing_cells; // cells of the last lines (a signature block's date)
  std::vector<std::string> bylines;       // byline lines at the top or the end
};

/// `given_title`: the title the source gave apart from the body, if any. A
/// body that does not start with it has no title line: its first paragraph
/// is the lead.
Layout read_layout(std::string_view body, std::string_view given_title = {});

/// A short line with a date and nothing else but the words bylines use:
/// weekdays, "cập nhật", "đăng", "ngày", "lúc", times and zones.
bool is_byline(std::string_view line);

}  // namespace vankien::metadata
