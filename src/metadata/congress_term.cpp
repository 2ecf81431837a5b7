#include "metadata/congress_term.hpp"

#include <charconv>

namespace vankien::metadata {

namespace {

std::optional<int> year_of(const Token& token) {
  if (token.kind != TokenKind::number || token.text.size() != 4) return std::nullopt;
  int value = 0;
  std::from_chars(token.text.data(), token.text.data() + 4, value);
  return value;
}

bool is_dash_gap(std::string_view gap) {
  std::string trimmed;
  for (char c : gap) {
    if (c != ' ') trimmed += c;
  }
  return trimmed == "-" || trimmed == "\xE2\x80\x93" || trimmed == "\xE2\x80\x94";  // - – —
}

std::string span(int start) { return std::to_string(start) + "-" + std::to_string(start + 5); }

// Roman numerals as the analyzer writes them (lower case); 0 when not one.
int roman_value(std::string_view word) {
  int total = 0, previous = 0;
  for (auto it = word.rbegin(); it != word.rend(); ++it) {
    int value = 0;
    switch (*it) {
      case 'i': value = 1; break;
      case 'v': value = 5; break;
      case 'x': value = 10; break;
      case 'l': value = 50; break;
      default: return 0;
    }
    total += value < previous ? -value : value;
    previous = std::max(previous, value);
  }
  return total;
}

// National congress N elects the Central Committee "khóa N" for five years.
std::optional<int> national_congress_year(int congress) {
  if (congress < 9) return std::nullopt;  // earlier terms were not five years apart
  return 2001 + 5 * (congress - 9);       // IX 2001, ..., XIII 2021, XIV 2026
}

}  // namespace

std::optional<std::string> stated_term(const AnalyzedText& text, std::size_t first,
                                       std::size_t last, bool central) {
  const auto& words = text.words();
  last = std::min(last, words.size());
  static const std::vector<std::string> nhiem_ky = {"nhiệm", "kỳ"};
  for (std::size_t i = first; i + 3 < last + 1 && i + 3 <= words.size(); ++i) {
    if (!text.matches(i, nhiem_ky) || i + 3 >= words.size()) continue;
    const auto from = year_of(words[i + 2]), to = year_of(words[i + 3]);
    if (from && to && *to == *from + 5 && is_dash_gap(text.gap_before(i + 3))) return span(*from);
  }
  if (!central) return std::nullopt;
  for (std::size_t i = first; i + 1 < last; ++i) {
    if (words[i].text != "khóa") continue;
    if (const auto year = national_congress_year(roman_value(words[i + 1].text))) {
      return span(*year);
    }
  }
  return std::nullopt;
}

std::string inferred_term(int year, bool central) {
  if (central) return span(year - ((year - 1) % 5 + 5) % 5);
  return span(year - year % 5);
}

std::optional<std::string> parse_term(std::string_view text) {
  const AnalyzedText analyzed(text);
  const auto& words = analyzed.words();
  if (words.size() != 2) return std::nullopt;
  const auto from = year_of(words[0]), to = year_of(words[1]);
  if (!from || !to || *to != *from + 5 || !is_dash_gap(analyzed.gap_before(1))) {
    return std::nullopt;
  }
  return span(*from);
}

}  // namespace vankien::metadata
