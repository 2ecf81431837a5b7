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
};

Layout read_layout(std::string_view body);

}  // namespace vankien::metadata
