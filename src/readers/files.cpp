// Format detection, file and standard-input reading, and directory walking.
#include <fnmatch.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>

#include "readers/readers.hpp"

namespace vankien {

namespace {

Format detect(std::string_view content, const std::string& name) {
  const std::string extension = std::filesystem::path(name).extension().string();
  if (extension == ".xml") return Format::xml;
  if (extension == ".jsonl" || extension == ".ndjson" || extension == ".json") return Format::jsonl;
  if (extension == ".md" || extension == ".markdown") return Format::markdown;
  if (extension == ".txt" || extension == ".text") return Format::text;
  std::size_t first = content.find_first_not_of(" \t\r\n");
  if (content.compare(0, 3, "\xEF\xBB\xBF") == 0) first = content.find_first_not_of(" \t\r\n", 3);
  if (first != std::string_view::npos && content[first] == '<') return Format::xml;
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
  if (name == "xml") return Format::xml;
  if (name == "jsonl" || name == "ndjson") return Format::jsonl;
  return std::nullopt;
}

namespace {

constexpr std::string_view byte_order_mark = "\xEF\xBB\xBF";

// Reads `content`, the part of file `name` that starts at `start_offset` and
// `start_line`, as `format`.
void read_part(std::string_view content, Format format, const std::string& name,
               const ReadOptions& options, const DocumentSink& on_document,
               const ProblemSink& on_problem, std::vector<std::string>& reported_unknown_fields,
               std::size_t start_offset = 0, std::size_t start_line = 1) {
  // Documents without an id get one from where they came from: the file for
  // a one-document format, the file and line otherwise. Standard input has no
  // stable name, so the indexer derives those ids from the content.
  const bool one_per_file = format != Format::xml && format != Format::jsonl;
  const DocumentSink with_id = [&](Document&& document) {
    if (document.id.empty() && name != "-") {
      document.id = one_per_file ? name : name + ":" + std::to_string(document.source.line);
    }
    on_document(std::move(document));
  };
  const readers::Input input{content,      name,       options, with_id, on_problem,
                             reported_unknown_fields, start_offset, start_line, 0, 0};
  switch (format) {
    case Format::xml: readers::read_xml(input); break;
    case Format::jsonl: readers::read_jsonl(input); break;
    case Format::markdown: readers::read_text(input, true); break;
    case Format::text:
    case Format::automatic: readers::read_text(input, false); break;
  }
}

constexpr std::size_t block_bytes = std::size_t{1} << 20;

// Up to block_bytes more of `in`; fewer only at the end.
std::string read_block(std::istream& in) {
  std::string block(block_bytes, '\0');
  in.read(block.data(), static_cast<std::streamsize>(block.size()));
  block.resize(static_cast<std::size_t>(in.gcount()));
  return block;
}

// JSON Lines are read a block of whole lines at a time, so memory holds one
// block and at most one document however large the file. `pending` is the
// start of the file, already read from `in`.
void stream_jsonl(std::istream& in, std::string pending, const std::string& name,
                  const ReadOptions& options, const DocumentSink& on_document,
                  const ProblemSink& on_problem) {
  std::vector<std::string> reported_unknown_fields;
  std::size_t offset = 0, line = 1;  // where `pending` starts in the file
  bool skipping = false;             // inside a line over the size limit: its bytes are dropped
  for (bool end = false; !end;) {
    const std::size_t last_newline = pending.rfind('\n');
    if (last_newline != std::string::npos) {
      const std::string_view lines(pending.data(), last_newline + 1);
      read_part(lines, Format::jsonl, name, options, on_document, on_problem,
                reported_unknown_fields, offset, line);
      line += static_cast<std::size_t>(std::count(lines.begin(), lines.end(), '\n'));
      offset += lines.size();
      pending.erase(0, lines.size());
    }
    if (pending.size() > options.max_document_bytes) {
      on_problem(Problem{{name, line, offset}, readers::too_large(options)});
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
    read_part(pending, Format::jsonl, name, options, on_document, on_problem,
              reported_unknown_fields, offset, line);
  }
}

}  // namespace

void read_documents(std::string_view content, const std::string& name, const ReadOptions& options,
                    const DocumentSink& on_document, const ProblemSink& on_problem) {
  // A UTF-8 byte order mark is not part of the text.
  if (content.starts_with(byte_order_mark)) content.remove_prefix(byte_order_mark.size());
  const Format format =
      options.format == Format::automatic ? detect(content, name) : options.format;
  std::vector<std::string> reported_unknown_fields;
  read_part(content, format, name, options, on_document, on_problem, reported_unknown_fields);
}

void read_file(const std::filesystem::path& path, const ReadOptions& options,
               const DocumentSink& on_document, const ProblemSink& on_problem) {
  const std::string name = path.string();
  std::ifstream file;
  if (name != "-") {
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) {
      on_problem(Problem{{name, 0, 0}, "is a directory"});
      return;
    }
    file.open(path, std::ios::binary);
    if (!file) {
      on_problem(Problem{{name, 0, 0}, "cannot open: " + std::string(std::strerror(errno))});
      return;
    }
  }
  std::istream& in = name == "-" ? std::cin : file;
  std::string content = read_block(in);
  if (std::string_view(content).starts_with(byte_order_mark)) {
    content.erase(0, byte_order_mark.size());
  }
  const Format format =
      options.format == Format::automatic ? detect(content, name) : options.format;
  if (format == Format::jsonl) {
    stream_jsonl(in, std::move(content), name, options, on_document, on_problem);
    return;
  }
  // One document a file, or an XML tree: read whole.
  content.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  std::vector<std::string> reported_unknown_fields;
  read_part(content, format, name, options, on_document, on_problem, reported_unknown_fields);
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
      for (auto it = std::filesystem::recursive_directory_iterator(
               path, std::filesystem::directory_options::skip_permission_denied, error);
           !error && it != std::filesystem::recursive_directory_iterator(); it.increment(error)) {
        if (!it->is_regular_file(error)) continue;
        const std::string relative = it->path().lexically_relative(path).generic_string();
        const std::string filename = it->path().filename().string();
        if (filename.starts_with('.')) continue;  // hidden files: editors' backups, VCS data
        if (!selection.include.empty() && !matches_any(selection.include, relative, filename)) continue;
        if (matches_any(selection.exclude, relative, filename)) continue;
        found.push_back(it->path());
      }
      if (error) on_problem(Problem{{path.string(), 0, 0}, "cannot walk: " + error.message()});
      std::sort(found.begin(), found.end());
      files.insert(files.end(), found.begin(), found.end());
    } else if (std::filesystem::exists(path, error)) {
      files.push_back(path);
    } else {
      on_problem(Problem{{path.string(), 0, 0}, "no such file or directory"});
    }
  }
  return files;
}

}  // namespace vankien
