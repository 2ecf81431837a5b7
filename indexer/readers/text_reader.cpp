#include "readers.hpp"

namespace vankien::readers {

void read_text(const Input& input, bool markdown) {
  const std::string_view content = input.content;
  if (const std::size_t nul = content.find('\0'); nul != std::string_view::npos) {
    input.problem(nul, "not a text file: NUL byte at byte " + std::to_string(input.start_offset + nul));
    return;
  }
  if (content.size() > input.options.max_document_bytes) {
    input.problem(0, "document of " + std::to_string(content.size()) + " bytes is larger than the " +
                         std::to_string(input.options.max_document_bytes) + "-byte limit");
    return;
  }
  if (const std::size_t bad = first_invalid_utf8(content); bad != std::string_view::npos) {
    input.problem(bad, "invalid UTF-8 at byte " + std::to_string(bad));
    return;
  }
  if (content.find_first_not_of(" \t\r\n") == std::string_view::npos) {
    input.problem(0, "empty document");
    return;
  }
  if (front_matter_end(content) != 0) return read_export(input, markdown);
  Document document;
  document.source = input.location(0);
  if (markdown) {
    document.body = strip_markdown(content);
  } else if (input.whole_file) {
    document.body = std::move(*input.whole_file);
  } else {
    document.body = std::string(content);
  }
  input.on_document(std::move(document));
}

}  // namespace vankien::readers
