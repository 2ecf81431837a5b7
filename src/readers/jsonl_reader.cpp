#include <nlohmann/json.hpp>

#include "readers/readers.hpp"

namespace vankien::readers {

namespace {

// A JSON value as field text: strings as they are, numbers as written.
std::optional<std::string> as_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_integer()) return std::to_string(value.get<long long>());
  if (value.is_null()) return std::string();
  return std::nullopt;
}

}  // namespace

void read_jsonl(const Input& input) {
  const std::string_view content = input.content;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(start, end - start);
    const std::size_t line_start = start;
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (line.size() > input.options.max_document_bytes) {
      input.problem(line_start, too_large(input.options));
      continue;
    }
    if (const std::size_t bad = first_invalid_utf8(line); bad != std::string_view::npos) {
      input.problem(line_start + bad, "invalid UTF-8 at byte " +
                                          std::to_string(input.start_offset + line_start + bad));
      continue;
    }
    nlohmann::json object;
    try {
      object = nlohmann::json::parse(line);
    } catch (const nlohmann::json::parse_error& error) {
      const std::size_t column = error.byte == 0 ? 0 : error.byte - 1;
      input.problem(line_start + column, "JSON does not parse at column " +
                                             std::to_string(column + 1) + ": " + error.what());
      continue;
    } catch (const nlohmann::json::exception& error) {  // a number out of range, say
      input.problem(line_start, std::string("JSON cannot be read: ") + error.what());
      continue;
    }
    if (!object.is_object()) {
      input.problem(line_start, "expected a JSON object, found " + std::string(object.type_name()));
      continue;
    }
    Document document;
    document.source = input.location(line_start);
    bool failed = false;
    for (const auto& [key, value] : object.items()) {
      if ((key == "topic" || key == "topics") && value.is_array()) {
        for (const auto& topic : value) {
          if (const auto text = as_text(topic)) document.topics.push_back(*text);
        }
        continue;
      }
      const auto text = as_text(value);
      if (!text) {
        input.problem(line_start, "field '" + key + "' must be a string, not " + value.type_name());
        failed = true;
        break;
      }
      if (!input.apply_field(document, key, *text, line_start)) {
        failed = true;
        break;
      }
    }
    if (!failed) input.on_document(std::move(document));
  }
}

}  // namespace vankien::readers
