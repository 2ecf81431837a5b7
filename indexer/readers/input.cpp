#include <algorithm>

#include "analysis/utf8.hpp"
#include "readers.hpp"

namespace vankien {

std::string SourceLocation::to_string() const {
  if (line != 0) return file + ":" + std::to_string(line);
  if (offset != 0) return file + "@" + std::to_string(offset);
  return file;  // the file as a whole
}

namespace readers {

std::size_t Input::line_of(std::size_t offset) const {
  offset = std::min(offset, content.size());
  if (offset < counted_to) counted_to = lines_before = 0;
  const std::string_view next = content.substr(counted_to, offset - counted_to);
  lines_before += static_cast<std::size_t>(std::count(next.begin(), next.end(), '\n'));
  counted_to = offset;
  return start_line + lines_before;
}

SourceLocation Input::location(std::size_t offset) const {
  return {name, line_of(offset), start_offset + offset};
}

void Input::problem(std::size_t offset, std::string message, bool warning) const {
  problem(location(offset), std::move(message), warning);
}

void Input::problem(SourceLocation where, std::string message, bool warning) const {
  on_problem(Problem{std::move(where), std::move(message), warning});
}

std::string too_large(const ReadOptions& options) {
  return "document larger than the " + std::to_string(options.max_document_bytes) +
         "-byte limit";
}

bool Input::apply_field(Document& document, std::string_view field, const std::string& value,
                        std::size_t offset) const {
  return apply_field(document, field, value, location(offset));
}

bool Input::apply_field(Document& document, std::string_view field, const std::string& value,
                        const SourceLocation& where) const {
  std::string message = set_field(document, field, value);
  if (message.empty()) return true;
  if (message.rfind("unknown field", 0) != 0) {
    problem(where, std::move(message));
    return false;
  }
  const bool reported = std::find(reported_unknown_fields.begin(), reported_unknown_fields.end(),
                                  message) != reported_unknown_fields.end();
  if (!reported) {
    reported_unknown_fields.push_back(message);
    problem(where, message + " (reported once per file)", true);
  }
  return true;
}

std::string ascii_lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return out;
}

}  // namespace readers
}  // namespace vankien
