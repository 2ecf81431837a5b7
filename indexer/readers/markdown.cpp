#include <string>

#include "readers.hpp"

namespace vankien::readers {

namespace {

bool is_rule_line(std::string_view line) {
  // Table borders of Markdown conversions: "  ------ -------".
  return line.find('-') != std::string_view::npos &&
         line.find_first_not_of("- \t\r|:") == std::string_view::npos;
}

bool is_markdown_punctuation(char c) {
  return std::string_view("\\`*_{}[]()#+-.!|<>~").find(c) != std::string_view::npos;
}

}  // namespace

std::string strip_markdown(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t start = 0;
  while (start <= text.size()) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::string_view line = text.substr(start, end - start);
    if (!is_rule_line(line)) {
      // Headings: drop the leading '#'s.
      const std::size_t first = line.find_first_not_of(' ');
      if (first != std::string_view::npos && line[first] == '#') {
        const std::size_t after = line.find_first_not_of('#', first);
        line = after == std::string_view::npos ? std::string_view() : line.substr(after);
      }
      for (std::size_t i = 0; i < line.size(); ++i) {
        const char c = line[i];
        if (c == '\\') {
          // "\-" is a literal '-'; a '\' at the end of a line is a line break.
          if (i + 1 < line.size() && is_markdown_punctuation(line[i + 1])) out += line[++i];
          continue;
        }
        if (c == '*' || c == '_') continue;  // emphasis
        if (line.compare(i, 4, "<br>") == 0) {
          out += ' ';
          i += 3;
          continue;
        }
        out += c;
      }
    }
    if (end == text.size()) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

}  // namespace vankien::readers
