// Format detection, file and standard-input reading, and directory walking.
#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "charset.hpp"
#include "folder_config.hpp"
#include "readers.hpp"

namespace vankien {

namespace {

// A page rather than XML: a doctype or <html> near the start (after a
// comment such as browsers' "saved from url", or an XML declaration).
bool looks_like_html(std::string_view content) {
  const std::string head = readers::ascii_lower(content.substr(0, 1024));
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos;
}

Format detect(std::string_view content, const std::string& name) {
  const std::string extension = readers::ascii_lower(std::filesystem::path(name).extension().string());
  if (extension == ".html" || extension == ".htm" || extension == ".xhtml") return Format::html;
  if (extension == ".xml") return Format::xml;
  if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") return Format::jsonl;
  if (extension == ".md" || extension == ".markdown") return Format::markdown;
  if (extension == ".txt" || extension == ".text") return Format::text;
  std::size_t first = content.find_first_not_of(" \t\r\n");
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) first = content.find_first_not_of(" \t\r\n", 3);
  if (first != std::string_view::npos && content[first] == '<') {
    return looks_like_html(content) ? Format::html : Format::xml;
  }
  if (first != std::string_view::npos && content[first] == '{') return Format::jsonl;
  return Format::text;
}

bool matches_any(const std::vector<std::string>& globs, const std::string& relative,
                 const std::string& filename) {
  return std::any_of(globs.begin(), globs.end(), [&](const std::string& glob) {
    return fnmatch(glob.c_str(), relative.c_str(), 0) == 0 ||
           fnmatch(glob.c_str(), filename.c_str(), 0) == 0;
  });
}

}  // namespace

std::optional<Format> parse_format(std::string_view name) {
  if (name == "auto") return Format::automatic;
  if (name == "text" || name == "txt") return Format::text;
  if (name == "markdown" || name == "md") return Format::markdown;
  if (name == "html" || name == "htm") return Format::html;
  if (name == "xml") return Format::xml;
  if (name == "jsonl" || name == "ndjson") return Format::jsonl;
  return std::nullopt;
}

std::optional<std::string> parse_encoding(std::string_view label) { return readers::canonical_encoding(label); }

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Where documents come from: `name` for messages (the path as typed),
// `id_base` for the ids of documents that have none (the canonical path).
struct Source {
  const std::string& name;
  const std::string& id_base;
};

// Documents without an id get one from where they came from: the file for
// a one-document format, the file and line otherwise. Standard input has no
// stable name, so the indexer derives those ids from the content.
DocumentSink with_ids(const Source& source, bool one_per_file, const DocumentSink& on_document) {
  return [&source, one_per_file, &on_document](Document&& document) {
    if (document.id.empty() && source.id_base != "-") {
      document.id = one_per_file ? source.id_base : source.id_base + ":" + std::to_string(document.source.line);
    }
    on_document(std::move(document));
  };
}

// Reads `content`, the part of a file that starts at `start_offset` and
// `start_line`, as `format`. `whole_file`, when given, is `content` itself,
// which a one-document reader may take rather than copy.
void read_part(std::string_view content, Format format, const Source& source,
               const ReadOptions& options, const DocumentSink& on_document,
               const ProblemSink& on_problem, std::vector<std::string>& reported_unknown_fields,
               std::size_t start_offset = 0, std::size_t start_line = 1,
               std::string* whole_file = nullptr) {
  const DocumentSink with_id = with_ids(source, format != Format::xml && format != Format::jsonl, on_document);
  readers::Input input{content, source.name, options, with_id, on_problem, reported_unknown_fields,
                       start_offset, start_line};
  input.whole_file = whole_file;
  switch (format) {
    case Format::xml: readers::read_xml(input); break;
    case Format::jsonl: readers::read_jsonl(input); break;
    case Format::markdown: readers::read_text(input, true); break;
    case Format::html: readers::read_html(input); break;
    case Format::text:
    case Format::automatic: readers::read_text(input, false); break;
  }
}

constexpr std::size_t block_bytes = std::size_t{1} << 20;

// Up to `bytes` more of `in`; fewer only at the end.
std::string read_block(std::istream& in, std::size_t bytes = block_bytes) {
  std::string block(bytes, '\0');
  in.read(block.data(), static_cast<std::streamsize>(block.size()));
  block.resize(static_cast<std::size_t>(in.gcount()));
  return block;
}

// JSON Lines are read a block of whole lines at a time, so memory holds one
// block and at most one document however large the file. `pending` is the
// start of the file, already read from `in`.
void stream_jsonl(std::istream& in, std::string pending, const Source& source,
                  const ReadOptions& options, const DocumentSink& on_document,
                  const ProblemSink& on_problem) {
  std::vector<std::string> reported_unknown_fields;
  std::size_t offset = 0, line = 1;  // where `pending` starts in the file
  bool skipping = false;             // inside a line over the size limit: its bytes are dropped
  for (bool end = false; !end;) {
    const std::size_t last_newline = pending.rfind('\n');
    if (last_newline != std::string::npos) {
      const std::string_view lines(pending.data(), last_newline + 1);
      read_part(lines, Format::jsonl, source, options, on_document, on_problem,
                reported_unknown_fields, offset, line);
      line += static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
      offset += lines.size();
      pending.erase(0, lines.size());
    }
    if (pending.size() > options.max_document_bytes) {
      on_problem(Problem{{source.name, line, offset}, readers::too_large(options)});
      offset += pending.size();
      pending.clear();
      skipping = true;
    }
    const std::string block = read_block(in);
    end = block.size() < block_bytes;
    std::string_view more = block;
    if (skipping) {
      const std::size_t newline = more.find('\n');
      const std::size_t dropped = newline == std::string_view::npos ? more.size() : newline + 1;
      offset += dropped;
      more.remove_prefix(dropped);
      if (newline != std::string_view::npos) {
        skipping = false;
        ++line;
      }
    }
    pending.append(more);
  }
  if (!pending.empty()) {
    read_part(pending, Format::jsonl, source, options, on_document, on_problem,
              reported_unknown_fields, offset, line);
  }
}

// XML is parsed as it is read, a block at a time. `pending` is the start of
// the file, already read from `in`.
void stream_xml(std::istream& in, const std::string& pending, const Source& source,
                const ReadOptions& options, const DocumentSink& on_document,
                const ProblemSink& on_problem) {
  std::vector<std::string> reported_unknown_fields;
  const DocumentSink with_id = with_ids(source, false, on_document);
  const readers::Input input{{}, source.name, options, with_id, on_problem, reported_unknown_fields};
  readers::XmlStream stream(input);
  bool end = !in;
  if (!stream.feed(pending, end)) return;
  while (!end) {
    const std::string block = read_block(in);
    end = !in;
    if (!stream.feed(block, end)) return;
  }
}

// A problem with a file, at a byte offset in it or with the whole file.
void report(const ProblemSink& on_problem, const std::string& file, std::string message,
            std::size_t offset = 0) {
  Problem problem;
  problem.where.file = file;
  problem.where.offset = offset;
  problem.message = std::move(message);
  on_problem(std::move(problem));
}

// Formats read whole, in any character set; the others are UTF-8 (JSON
// Lines) or say what they are in (XML).
bool is_decoded(Format format) { return format != Format::jsonl && format != Format::xml; }

// `content` (text, Markdown or HTML) as UTF-8, in the encoding forced or
// detected; false, with a problem, when it cannot be read. `encoding` is
// what it was read as.
bool decode_content(std::string& content, std::string& encoding, const ReadOptions& options,
                    const std::string& name, const ProblemSink& on_problem, std::size_t bom_bytes = 0) {
  // A UTF-8 byte order mark settles the encoding: damaged text is refused, not re-read.
  std::string forced = bom_bytes > 0 ? "utf-8" : "";
  if (!options.encoding.empty()) {
    const auto known = readers::canonical_encoding(options.encoding);
    if (!known) {
      report(on_problem, name, "unknown encoding '" + options.encoding +
                                   "' (utf-8, tcvn3, vni-windows, viscii, windows-1258, windows-1252)");
      return false;
    }
    forced = *known;
  }
  readers::DecodedText decoded = readers::decode_text(content, forced);
  if (decoded.bad_offset != std::string::npos) {
    const std::string_view before = std::string_view(content).substr(0, decoded.bad_offset);
    const std::size_t offset = decoded.bad_offset + bom_bytes;  // in the file, mark included
    Problem problem;
    problem.where = {name, 1 + static_cast<std::size_t>(std::count(before.begin(), before.end(), '\n')), offset};
    problem.message = "invalid UTF-8 at byte " + std::to_string(offset);
    on_problem(std::move(problem));
    return false;
  }
  if (decoded.how == "repaired") {
    Problem problem;
    problem.where.file = name;
    problem.message = "read as " + decoded.encoding + ": legacy text that was once misread as windows-1252";
    problem.warning = true;
    on_problem(std::move(problem));
  }
  if (decoded.encoding != "utf-8") content = std::move(decoded.text);
  encoding = std::move(decoded.encoding);
  return true;
}

// Documents say what their source was read as, and carry its defaults.
DocumentSink stamped(const std::string& encoding, const ReadOptions& options, const DocumentSink& on_document) {
  return [&encoding, &options, &on_document](Document&& document) {
    if (document.encoding.empty()) document.encoding = encoding;
    if (document.default_district.empty()) document.default_district = options.default_district;
    if (document.default_province.empty()) document.default_province = options.default_province;
    on_document(std::move(document));
  };
}

// The options for one file: those given, completed by its folder's vankien.toml.
ReadOptions for_file(const std::filesystem::path& path, const ReadOptions& given, const ProblemSink& on_problem) {
  ReadOptions options = given;
  if (path == "-") return options;
  if (const auto config = readers::folder_config(path, on_problem)) {
    if (options.encoding.empty()) options.encoding = config->encoding;
    if (options.default_district.empty()) options.default_district = config->district;
    if (options.default_province.empty()) options.default_province = config->province;
  }
  return options;
}

// A directory holding a Xapian database (glass, chert or honey): never input.
bool is_database(const std::filesystem::path& directory) {
  std::error_code ignored;
  for (const char* marker : {"iamglass", "iamchert", "iamhoney"}) {
    if (std::filesystem::exists(directory / marker, ignored)) return true;
  }
  return false;
}

// UTF-16 with a byte order mark becomes UTF-8; false (with a problem) when
// it does not decode.
bool decode_utf16(std::string& content, const std::string& name, const ProblemSink& on_problem) {
  const std::optional<bool> little_endian = readers::utf16_byte_order(content);
  if (!little_endian) return true;
  readers::Utf16Result decoded = readers::utf16_to_utf8(content, *little_endian);
  if (decoded.bad_offset != std::string::npos) {
    report(on_problem, name, "invalid UTF-16 at byte " + std::to_string(decoded.bad_offset),
           decoded.bad_offset);
    return false;
  }
  content = std::move(decoded.text);
  return true;
}

}  // namespace

std::string document_id_of(const std::filesystem::path& file, const std::filesystem::path& root) {
  std::error_code error;
  const auto canonical = [&](const std::filesystem::path& path) {
    std::filesystem::path absolute = std::filesystem::absolute(path, error);
    std::filesystem::path resolved = std::filesystem::weakly_canonical(absolute, error);
    return error ? absolute.lexically_normal() : resolved;
  };
  const std::filesystem::path canonical_file = canonical(file);
  const std::filesystem::path relative =
      canonical_file.lexically_relative(canonical(root.empty() ? std::filesystem::path(".") : root));
  if (!relative.empty() && *relative.begin() != "..") return relative.generic_string();
  return canonical_file.generic_string();
}

void read_documents(std::string_view content, const std::string& name, const ReadOptions& options,
                    const DocumentSink& on_document, const ProblemSink& on_problem) {
  std::string decoded;
  std::string encoding = "utf-8";
  std::size_t bom_bytes = 0;
  if (const auto little_endian = readers::utf16_byte_order(content)) {
    decoded = content;
    if (!decode_utf16(decoded, name, on_problem)) return;
    content = decoded;
    encoding = *little_endian ? "utf-16le" : "utf-16be";
  } else if (content.starts_with(byte_order_mark)) {
    // A UTF-8 byte order mark is not part of the text.
    content.remove_prefix(byte_order_mark.size());
    bom_bytes = byte_order_mark.size();
  }
  const Format format =
      options.format == Format::automatic ? detect(content, name) : options.format;
  if (is_decoded(format) && encoding == "utf-8") {
    decoded = content;
    if (!decode_content(decoded, encoding, options, name, on_problem, bom_bytes)) return;
    content = decoded;
  }
  std::vector<std::string> reported_unknown_fields;
  read_part(content, format, {name, name}, options, stamped(encoding, options, on_document), on_problem,
            reported_unknown_fields);
}

void read_file(const std::filesystem::path& path, const ReadOptions& given,
               const DocumentSink& on_document, const ProblemSink& on_problem) {
  const ReadOptions options = for_file(path, given, on_problem);
  const std::string name = path.string();
  const bool standard_input = name == "-";
  const std::string id_base = standard_input ? name : document_id_of(path, options.id_root);
  const Source source{name, id_base};
  std::ifstream file;
  std::uintmax_t file_bytes = 0;
  if (!standard_input) {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      report(on_problem, name, is_database(path) ? "is a Xapian database, not documents" : "is a directory");
      return;
    }
    if (is_database(std::filesystem::absolute(path, error).parent_path())) {
      report(on_problem, name, "is part of a Xapian database, not a document");
      return;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      report(on_problem, name, "cannot open: " + std::string(std::strerror(errno)));
      return;
    }
    file_bytes = std::filesystem::file_size(path, error);
    if (error) file_bytes = 0;
  }
  std::istream& in = standard_input ? std::cin : file;
  // A small file is read in one block of its size (a byte more, to see its
  // end): a folder of small pages costs no mebibyte a file.
  std::string content =
      read_block(in, file_bytes == 0 ? block_bytes : static_cast<std::size_t>(std::min<std::uintmax_t>(file_bytes + 1, block_bytes)));
  std::string encoding = "utf-8";
  std::size_t bom_bytes = 0;
  if (const auto little_endian = readers::utf16_byte_order(content)) {
    // Rare and small: read whole, then decoded.
    content.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (!decode_utf16(content, name, on_problem)) return;
    encoding = *little_endian ? "utf-16le" : "utf-16be";
  } else if (std::string_view(content).starts_with(byte_order_mark)) {
    content.erase(0, byte_order_mark.size());
    bom_bytes = byte_order_mark.size();
  }
  const Format format =
      options.format == Format::automatic ? detect(content, name) : options.format;
  if (format == Format::jsonl) {
    stream_jsonl(in, std::move(content), source, options, stamped(encoding, options, on_document), on_problem);
    return;
  }
  if (format == Format::xml) {
    stream_xml(in, content, source, options, stamped(encoding, options, on_document), on_problem);
    return;
  }
  // One document a file: its size is known before it is read, and a file over
  // the limit is refused without reading the rest of it.
  const std::uintmax_t limit =
      format == Format::html ? readers::max_page_bytes(options) : options.max_document_bytes;
  const std::string which = format == Format::html ? "-byte limit for HTML (a quarter of the document limit)"
                                                     : "-byte limit";
  if (file_bytes > limit) {
    report(on_problem, name, "document of " + std::to_string(file_bytes) + " bytes is larger than the " +
                                 std::to_string(limit) + which);
    return;
  }
  content.reserve(static_cast<std::size_t>(std::min(file_bytes, limit)));
  while (in && content.size() <= limit) content += read_block(in);
  if (content.size() > limit) {
    report(on_problem, name, "document larger than the " + std::to_string(limit) + which);
    return;
  }
  if (encoding == "utf-8" && !decode_content(content, encoding, options, name, on_problem, bom_bytes)) return;
  std::vector<std::string> reported_unknown_fields;
  read_part(content, format, source, options, stamped(encoding, options, on_document), on_problem,
            reported_unknown_fields, 0, 1, &content);
}

std::vector<std::filesystem::path> collect_files(const std::vector<std::filesystem::path>& paths,
                                                 const FileSelection& selection,
                                                 const ProblemSink& on_problem) {
  std::vector<std::filesystem::path> files;
  for (const std::filesystem::path& path : paths) {
    std::error_code error;
    if (path == "-") {
      files.push_back(path);
    } else if (std::filesystem::is_directory(path, error)) {
      std::vector<std::filesystem::path> found;
      if (is_database(path)) {
        report(on_problem, path.string(), "is a Xapian database, not documents");
        continue;
      }
      for (auto it = std::filesystem::recursive_directory_iterator(
               path, std::filesystem::directory_options::skip_permission_denied, error);
           !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        // A database inside the tree (the one being written, say) is not input.
        if (it->is_directory(error) && is_database(it->path())) {
          it.disable_recursion_pending();
          continue;
        }
        if (!it->is_regular_file(error)) continue;
        const std::string relative = it->path().lexically_relative(path).generic_string();
        const std::string filename = it->path().filename().string();
        if (filename.starts_with('.')) continue;  // hidden files: editors' backups, VCS data
        if (filename == readers::folder_config_name) continue;  // settings, not a document
        if (!selection.include.empty() && !matches_any(selection.include, relative, filename)) continue;
        if (matches_any(selection.exclude, relative, filename)) continue;
        found.push_back(it->path());
      }
      if (error) report(on_problem, path.string(), "cannot walk: " + error.message());
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, error)) {
      files.push_back(path);
    } else {
      report(on_problem, path.string(), "no such file or directory");
    }
  }
  return files;
}

}  // namespace vankien
