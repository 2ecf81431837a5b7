#pragma once
// Reading documents from files: plain text, Markdown-ish text, HTML pages,
// site exports (front matter and an HTML body), XML and JSON Lines, in UTF-8,
// UTF-16 or a legacy Vietnamese encoding. Field names and front-matter keys
// are in docs/FORMATS.md.
//
// Readers never throw on bad input. Each bad document becomes a Problem naming
// the file and the line (or byte offset), and reading goes on with the next one.

#include <cstddef>
#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "vankien/document.hpp"
#include "vankien/error.hpp"

namespace vankien {

enum class Format {
  automatic,  ///< by extension (.txt .md .html .xml .jsonl ...), else by the content
  text,       ///< one document a file: title line, lead, body, author line; or front matter and a body
  markdown,   ///< text with Markdown markup (**bold**, \- escapes, table rules) removed
  html,       ///< a web page: its main content and what it says of itself
  xml,        ///< <documents><document id="...">...</document></documents>
  jsonl,      ///< one JSON object a line
};

/// "auto", "text", "markdown"/"md", "html"/"htm", "xml", "jsonl"; nothing when unknown.
std::optional<Format> parse_format(std::string_view name);

/// The name vankien gives an encoding label ("ABC" -> "tcvn3", "cp1258" ->
/// "windows-1258", "latin1" -> "windows-1252"); nothing when unknown.
std::optional<std::string> parse_encoding(std::string_view label);

struct ReadOptions {
  Format format = Format::automatic;
  /// Larger documents (and text files) are refused, so one runaway file cannot
  /// exhaust memory.
  std::size_t max_document_bytes = std::size_t{64} << 20;
  /// A document without an id is named after its file: the file's path
  /// relative to this directory (empty: the current one), or its absolute
  /// path when it lies outside, symbolic links resolved, so that every
  /// spelling of a path names the same document (document_id_of).
  std::filesystem::path id_root;
  /// The character set of text, Markdown and HTML files ("utf-8", "tcvn3",
  /// "vni-windows", "viscii", "windows-1258", "windows-1252", or an alias
  /// such as "abc", "vni", "cp1258", "latin1"); empty: detected per file.
  /// JSON Lines are always UTF-8, XML as its declaration says.
  std::string encoding;
  /// Per-site rules for HTML pages (a sites.tsv); empty: the data directory's.
  std::filesystem::path site_rules;
  /// The source's district and province, for documents whose text names no
  /// unit (Document::default_district). A folder's vankien.toml may set them
  /// (and `encoding`) for the files under it; these, when set, win.
  std::string default_district, default_province;
};

/// The id a document read from `file` gets when it has none: the path of
/// `file` relative to `root`, "/"-separated, or absolute outside `root`.
std::string document_id_of(const std::filesystem::path& file, const std::filesystem::path& root = {});

using DocumentSink = std::function<void(Document&&)>;
using ProblemSink = std::function<void(Problem&&)>;

/// Reads every document in `content`, the whole of a file called `name`.
void read_documents(std::string_view content, const std::string& name, const ReadOptions& options,
                    const DocumentSink& on_document, const ProblemSink& on_problem);

/// Reads a file, or standard input when `path` is "-".
void read_file(const std::filesystem::path& path, const ReadOptions& options,
               const DocumentSink& on_document, const ProblemSink& on_problem);

/// Which files a directory contributes: shell globs matched against the path
/// relative to the directory and against the file name ("*.xml", "2019/*").
struct FileSelection {
  std::vector<std::string> include;  ///< empty: every file
  std::vector<std::string> exclude;
};

/// The files named by `paths`, directories walked recursively in name order.
/// A path that does not exist is a Problem. "-" is kept as is.
std::vector<std::filesystem::path> collect_files(const std::vector<std::filesystem::path>& paths,
                                                 const FileSelection& selection,
                                                 const ProblemSink& on_problem);

}  // namespace vankien
