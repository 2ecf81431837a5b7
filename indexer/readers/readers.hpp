#pragma once
// The format readers behind read_documents(), and what they share.

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "analysis/utf8.hpp"
#include "vankien/reader.hpp"

namespace vankien::readers {

/// Everything a reader needs about the file it reads. `content` may be a part
/// of the file (JSON Lines are read in blocks); `start_offset` and
/// `start_line` say where it begins, so that every location is the file's.
struct Input {
  std::string_view content;
  const std::string& name;
  const ReadOptions& options;
  const DocumentSink& on_document;
  const ProblemSink& on_problem;
  /// Unknown fields already warned about in this file.
  std::vector<std::string>& reported_unknown_fields;
  std::size_t start_offset = 0;
  std::size_t start_line = 1;
  /// When set, `content` itself: a one-document reader may take it, so that
  /// a large file is not held twice.
  std::string* whole_file = nullptr;

  /// 1-based line in the file of a byte offset in `content`. Counts on from
  /// the previous call when offsets grow, so reading front to back stays linear.
  std::size_t line_of(std::size_t offset) const;
  /// File, line and file offset of a byte offset in `content`.
  SourceLocation location(std::size_t offset) const;
  void problem(std::size_t offset, std::string message, bool warning = false) const;
  void problem(SourceLocation where, std::string message, bool warning = false) const;
  /// Sets a field (set_field); an unknown field is a warning, given once per
  /// file; a bad value is an error. False when the document must be dropped.
  bool apply_field(Document& document, std::string_view field, const std::string& value,
                   std::size_t offset) const;
  bool apply_field(Document& document, std::string_view field, const std::string& value,
                   const SourceLocation& where) const;

  mutable std::size_t counted_to = 0;     // line_of() has counted lines up to here
  mutable std::size_t lines_before = 0;   // newlines in [0, counted_to)
};

/// Text and Markdown; a file that opens with front matter is a site export.
void read_text(const Input& input, bool markdown);
void read_html(const Input& input);
/// A site export: front matter (JSON or YAML), then a text or HTML body.
void read_export(const Input& input, bool markdown);
/// Where the front matter that opens `content` ends (after its closing
/// line), or 0 when it has none.
std::size_t front_matter_end(std::string_view content);
/// The largest HTML page or body read: Gumbo's tree takes about eight times
/// the page's size, so a page may be a quarter of max_document_bytes.
std::size_t max_page_bytes(const ReadOptions& options);
/// The text of an HTML fragment (an editor's body), laid out as html::text_of.
std::string html_fragment_text(std::string_view html);
/// Reads `content` through an XmlStream.
void read_xml(const Input& input);
void read_jsonl(const Input& input);

/// XML read as it arrives, piece by piece: memory holds the document being
/// read, never the file. Locations come from the parser (`Input::content` is
/// not used); the root is <documents> or a single <document>.
class XmlStream {
 public:
  explicit XmlStream(const Input& input);
  ~XmlStream();
  XmlStream(const XmlStream&) = delete;
  XmlStream& operator=(const XmlStream&) = delete;

  /// Parses the next piece of the file, `last` for the final one (which may be
  /// empty). False once a problem has ended the file.
  bool feed(std::string_view piece, bool last);

  struct State;

 private:
  std::unique_ptr<State> state_;
};

/// The message for a document over ReadOptions::max_document_bytes.
std::string too_large(const ReadOptions& options);

/// Text with Markdown markup removed: emphasis, escapes, table rules, <br>.
std::string strip_markdown(std::string_view text);

/// Sets the field called `name` (the names of docs/FORMATS.md) from `value`.
/// Returns an error message for an unknown field or a bad value, else empty.
std::string set_field(Document& document, std::string_view name, const std::string& value);
/// True for the names set_field() knows.
bool is_known_field(std::string_view name);
/// True for the fields that take several values (topics, tags, cited numbers).
bool is_list_field(std::string_view name);

/// `text` with ASCII letters in lower case (tag names, labels, class names, hosts).
std::string ascii_lower(std::string_view text);

/// Byte offset of the first invalid UTF-8 sequence, or npos (the core's).
using analysis::first_invalid_utf8;

/// True for a UTF-16 little-endian byte order mark, false for big-endian,
/// nothing when `content` does not start with one.
std::optional<bool> utf16_byte_order(std::string_view content);

struct Utf16Result {
  std::string text;                              ///< UTF-8, without the byte order mark
  std::size_t bad_offset = std::string::npos;    ///< byte of the first bad code unit, if any
};
/// `content`, UTF-16 after its byte order mark, as UTF-8.
Utf16Result utf16_to_utf8(std::string_view content, bool little_endian);

}  // namespace vankien::readers
