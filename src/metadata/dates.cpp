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

std::optional<Date> first_date_in(std::string_view text) {
  const AnalyzedText analyzed(text);
  for (std::size_t i = 0, used = 0; i < analyzed.words().size(); ++i) {
    if (auto date = date_at(analyzed, i, used)) return date;
  }
  return std::nullopt;
}

}  // namespace vankien::metadata

namespace vankien {

namespace {

bool digits(std::string_view text) {
  return !text.empty() && text.find_first_not_of("0123456789") == std::string_view::npos;
}

// The time and zone after an ISO date: "T15:02", "T15:02:00", " 15:02:00.5",
// each optionally followed by "Z" or "+07:00" / "-0500".
bool is_iso_time(std::string_view rest) {
  if (rest.size() < 6 || (rest[0] != 'T' && rest[0] != ' ')) return false;
  if (!digits(rest.substr(1, 2)) || rest[3] != ':' || !digits(rest.substr(4, 2))) return false;
  rest.remove_prefix(6);
  if (rest.size() >= 3 && rest[0] == ':' && digits(rest.substr(1, 2))) rest.remove_prefix(3);
  if (!rest.empty() && (rest[0] == '.' || rest[0] == ',')) {
    const std::size_t end = rest.find_first_not_of("0123456789", 1);
    if (end == 1) return false;
    rest.remove_prefix(end == std::string_view::npos ? rest.size() : end);
  }
  if (rest.starts_with(' ')) rest.remove_prefix(1);  // "2020-05-12 08:15:00 +07:00"
  if (rest == "Z" || rest.empty()) return true;
  if (rest[0] != '+' && rest[0] != '-') return false;
  rest.remove_prefix(1);
  return (rest.size() == 5 && digits(rest.substr(0, 2)) && rest[2] == ':' && digits(rest.substr(3, 2))) ||
         (rest.size() == 4 && digits(rest)) || (rest.size() == 2 && digits(rest));
}

}  // namespace

std::optional<std::string> parse_date(std::string_view text) {
  // ISO first: 2019-03-15, or a timestamp whose date is the local day:
  // 2020-06-05T15:02:00+07:00 is 2020-06-05 where it was written.
  if (text.size() >= 10 && text[4] == '-' && text[7] == '-' && digits(text.substr(0, 4)) &&
      digits(text.substr(5, 2)) && digits(text.substr(8, 2))) {
    if (text.size() > 10 && !is_iso_time(text.substr(10))) return std::nullopt;
    long year = 0, month = 0, day = 0;
    const char* p = text.data();
    std::from_chars(p, p + 4, year);
    std::from_chars(p + 5, p + 7, month);
    std::from_chars(p + 8, p + 10, day);
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
