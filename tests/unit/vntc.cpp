#include "vntc.hpp"

#include <zlib.h>

#include <nlohmann/json.hpp>
#include <sstream>
#include <stdexcept>

namespace vankien::test {

std::vector<Article> read_vntc(const std::filesystem::path& file, std::size_t count) {
  gzFile in = gzopen(file.c_str(), "rb");
  if (!in) throw std::runtime_error("cannot open " + file.string());
  std::vector<Article> out;
  std::string line;
  char buffer[1 << 16];
  while (out.size() < count && gzgets(in, buffer, sizeof buffer)) {
    line += buffer;
    if (line.empty() || line.back() != '\n') continue;  // a long line: read on
    const auto json = nlohmann::json::parse(line, nullptr, false);
    line.clear();
    if (json.is_object()) out.push_back({json.value("id", ""), json.value("text", "")});
  }
  gzclose(in);
  return out;
}

std::string title_words(const std::string& text, std::size_t words) {
  std::istringstream first_line(text.substr(0, text.find('\n')));
  std::string word, out;
  for (std::size_t i = 0; i < words && first_line >> word; ++i) out += (i ? " " : "") + word;
  return out;
}

}  // namespace vankien::test
