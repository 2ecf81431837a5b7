#include "metadata/dates.hpp"

#include <charconv>
#include <cstdio>

#include "vankien/metadata.hpp"

namespace vankien::metadata {

namespace {

std::optional<long> number(const Token& token) {
  if (token.kind != TokenKind::number || token.text.size() > 4) return std::nullopt;
  long value = 0;
  std::from_chars(token.text.data(), token.text.data() + token.text.size(), value);
  return value;
}

bool is_leap(long year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

// "15/3/2019": numbers joined by one and the same separator, nothing else.
std::optional<Date> numeric_date_at(const AnalyzedText& text, std::size_t i) {
  const auto& words = text.words();
  if (i + 2 >= words.size()) return std::nullopt;
  const std::string_view first_gap = text.gap_before(i + 1);
  if (first_gap.size() != 1 || std::string_view("/-.").find(first_gap[0]) == std::string_view::npos ||
      text.gap_before(i + 2) != first_gap || words[i + 2].text.size() != 4) {
    return std::nullopt;
  }
  const auto day = number(words[i]), month = number(words[i + 1]), year = number(words[i + 2]);
  if (!day || !month || !year) return std::nullopt;
  return make_date(*year, *month, *day);
}

}  // namespace

std::string Date::iso() const {
  char buffer[16];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

std::optional<Date> make_date(long year, long month, long day) {
  static constexpr int days_in_month[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (year < 1930 || year > 2100 || month < 1 || month > 12 || day < 1) return std::nullopt;
  const long last = days_in_month[month - 1] + (month == 2 && is_leap(year) ? 1 : 0);
  if (day > last) return std::nullopt;
  return Date{static_cast<int>(year), static_cast<int>(month), static_cast<int>(day)};
}

std::optional<Date> date_at(const AnalyzedText& text, std::size_t i, std::size_t& words_used) {
  const auto& words = text.words();
  static const std::vector<std::string> ngay = {"ngày"};
  const std::size_t start = text.matches(i, ngay) ? i + 1 : i;
  // ngày 15 tháng 3 năm 2019
  if (start + 4 < words.size() && words[start + 1].text == "tháng" &&
      words[start + 3].text == "năm") {
    const auto day = number(words[start]), month = number(words[start + 2]),
               year = number(words[start + 4]);
    if (day && month && year) {
      words_used = start + 5 - i;
      return make_date(*year, *month, *day);
    }
  }
  if (auto date = numeric_date_at(text, start)) {
    words_used = start + 3 - i;
    return date;
  }
  return std::nullopt;
}

}  // namespace vankien::metadata

namespace vankien {

std::optional<std::string> parse_date(std::string_view text) {
  // ISO first: 2019-03-15.
  if (text.size() == 10 && text[4] == '-' && text[7] == '-') {
    long year = 0, month = 0, day = 0;
    const char* p = text.data();
    const bool ok = std::from_chars(p, p + 4, year).ptr == p + 4 &&
                    std::from_chars(p + 5, p + 7, month).ptr == p + 7 &&
                    std::from_chars(p + 8, p + 10, day).ptr == p + 10;
    if (!ok) return std::nullopt;
    if (const auto date = metadata::make_date(year, month, day)) return date->iso();
    return std::nullopt;
  }
  const metadata::AnalyzedText analyzed(text);
  std::size_t used = 0;
  const auto date = metadata::date_at(analyzed, 0, used);
  if (!date || used != analyzed.words().size()) return std::nullopt;
  return date->iso();
}

}  // namespace vankien
