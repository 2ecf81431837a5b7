#include "query_string.hpp"

#include "analysis/utf8.hpp"
#include "api_error.hpp"

namespace vankien::server {

namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

void require_utf8(const std::string& text, std::string_view raw) {
  if (const std::size_t bad = analysis::first_invalid_utf8(text); bad != std::string_view::npos) {
    throw bad_query("'" + std::string(raw.substr(0, 64)) + "' is not UTF-8 (decoded byte " + std::to_string(bad) +
                    ")");
  }
}

}  // namespace

std::string percent_decode(std::string_view text, bool plus_is_space) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '%') {
      const bool complete = i + 2 < text.size();
      const int high = complete ? hex_value(text[i + 1]) : -1;
      const int low = complete ? hex_value(text[i + 2]) : -1;
      if (high < 0 || low < 0) {
        throw bad_query("malformed percent escape at byte " + std::to_string(i) + " of '" +
                        std::string(text.substr(0, 64)) + "'");
      }
      out.push_back(static_cast<char>(high * 16 + low));
      i += 2;
    } else {
      out.push_back(plus_is_space && c == '+' ? ' ' : c);
    }
  }
  require_utf8(out, text);
  return out;
}

Target parse_target(std::string_view target) {
  Target out;
  const std::size_t question = target.find('?');
  out.path = percent_decode(target.substr(0, question), /*plus_is_space=*/false);
  if (question == std::string_view::npos) return out;
  std::string_view rest = target.substr(question + 1);
  while (!rest.empty()) {
    const std::size_t amp = rest.find('&');
    const std::string_view pair = rest.substr(0, amp);
    rest = amp == std::string_view::npos ? std::string_view() : rest.substr(amp + 1);
    if (pair.empty()) continue;  // "a=1&&b=2"
    const std::size_t equals = pair.find('=');
    out.parameters.emplace_back(
        percent_decode(pair.substr(0, equals), true),
        equals == std::string_view::npos ? std::string() : percent_decode(pair.substr(equals + 1), true));
  }
  return out;
}

}  // namespace vankien::server
