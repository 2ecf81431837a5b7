#include "metadata/access_marks.hpp"

#include <algorithm>

#include "vankien/text.hpp"

namespace vankien {

std::string_view access_name(Access access) {
  switch (access) {
    case Access::public_: return "public";
    case Access::internal: return "internal";
    case Access::confidential: return "confidential";
    case Access::secret: return "secret";
    case Access::top_secret: return "top_secret";
  }
  return "public";
}

std::optional<Access> parse_access(std::string_view text) {
  // A mark is a short cell: its decoration set aside, anything longer than
  // this (a paragraph) is not folded to be compared.
  constexpr std::string_view decoration = " *.:()[]_-";
  constexpr std::size_t longest_mark_bytes = 64;
  const std::size_t from = text.find_first_not_of(decoration);
  if (from != std::string_view::npos) {
    text = text.substr(from, text.find_last_not_of(decoration) - from + 1);
  }
  if (text.size() > longest_mark_bytes) return std::nullopt;
  // Folded words, so "mật", "MẬT" and "mat" all read; '_' and '-' as spaces.
  std::string key = fold(text);
  std::replace_if(key.begin(), key.end(), [](char c) { return c == '_' || c == '-'; }, ' ');
  const auto first = key.find_first_not_of(" *.:()[]");
  const auto last = key.find_last_not_of(" *.:()[]");
  key = first == std::string::npos ? std::string() : key.substr(first, last - first + 1);
  static const std::vector<std::pair<std::string, Access>> names = {
      {"public", Access::public_},           {"cong khai", Access::public_},
      {"internal", Access::internal},        {"luu hanh noi bo", Access::internal},
      {"noi bo", Access::internal},          {"confidential", Access::confidential},
      {"mat", Access::confidential},         {"secret", Access::secret},
      {"toi mat", Access::secret},           {"top secret", Access::top_secret},
      {"tuyet mat", Access::top_secret},
  };
  for (const auto& [name, access] : names) {
    if (key == name) return access;
  }
  return std::nullopt;
}

namespace metadata {

Access access_from_marks(const std::vector<std::string>& cells) {
  Access highest = Access::public_;
  for (const std::string& cell : cells) {
    // A mark is typed with its diacritics, in capitals: "MẬT", never "mat".
    if (!has_diacritics(cell)) continue;
    if (const auto access = parse_access(cell); access && *access > highest) highest = *access;
  }
  return highest;
}

std::vector<std::string> last_lines(std::string_view body, std::size_t count) {
  std::vector<std::string> out;
  std::size_t end = body.size();
  while (out.size() < count && end > 0) {
    const std::size_t start = body.rfind('\n', end - 1);
    const std::size_t from = start == std::string_view::npos ? 0 : start + 1;
    const std::string_view line = body.substr(from, end - from);
    if (line.find_first_not_of(" \t\r") != std::string_view::npos) out.emplace_back(line);
    if (start == std::string_view::npos) break;
    end = start;
  }
  return out;
}

}  // namespace metadata
}  // namespace vankien
