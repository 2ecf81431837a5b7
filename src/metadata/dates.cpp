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
  if (start + 4 < words.size() && text.is(start + 1, "tháng") &&
      text.is(start + 3, "năm")) {
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

namespace {

// A 4-digit year, as a number token.
std::optional<long> year_of(const Token& token) {
  if (token.text.size() != 4) return std::nullopt;
  return number(token);
}

// A quarter: I II III IV or 1 to 4.
std::optional<long> quarter_of(const Token& token) {
  static const std::vector<std::string> roman = {"i", "ii", "iii", "iv"};
  for (std::size_t q = 0; q < roman.size(); ++q) {
    if (token.text == roman[q]) return static_cast<long>(q + 1);
  }
  const auto value = number(token);
  return value && *value >= 1 && *value <= 4 ? value : std::nullopt;
}

// "M/YYYY", "M-YYYY", "M năm YYYY" from word `i`: the month and the year.
std::optional<std::pair<long, long>> month_and_year(const AnalyzedText& text, std::size_t i, std::size_t& used) {
  const auto& words = text.words();
  if (i + 1 >= words.size()) return std::nullopt;
  const auto month = number(words[i]);
  if (!month) return std::nullopt;
  const std::string_view gap = text.gap_before(i + 1);
  if ((gap == "/" || gap == "-" || gap == ".") && year_of(words[i + 1])) {
    used = 2;
    return std::pair{*month, *year_of(words[i + 1])};
  }
  if (i + 2 < words.size() && text.is(i + 1, "năm") && year_of(words[i + 2])) {
    used = 3;
    return std::pair{*month, *year_of(words[i + 2])};
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::pair<long, long>> day_and_month_at(const AnalyzedText& text, std::size_t i, std::size_t& used) {
  const auto& words = text.words();
  static const std::vector<std::string> ngay = {"ngày"};
  const std::size_t start = text.matches(i, ngay) ? i + 1 : i;
  if (start + 1 < words.size()) {
    const auto day = number(words[start]);
    if (day && text.gap_before(start + 1) == "/" && number(words[start + 1])) {
      used = start + 2 - i;
      return std::pair{*day, *number(words[start + 1])};
    }
    if (day && start + 2 < words.size() && text.is(start + 1, "tháng") && number(words[start + 2])) {
      used = start + 3 - i;
      return std::pair{*day, *number(words[start + 2])};
    }
  }
  return std::nullopt;
}

std::optional<DateValue> date_value_at(const AnalyzedText& text, std::size_t i, std::size_t& used) {
  const auto& words = text.words();
  if (i >= words.size()) return std::nullopt;
  // Ranges first, which start like a day: "19-23/1/2026".
  if (i + 3 < words.size() && number(words[i]) && text.gap_before(i + 1) == "-" && number(words[i + 1]) &&
      number(words[i + 2]) && text.gap_before(i + 2) == "/" && text.gap_before(i + 3) == "/" &&
      year_of(words[i + 3])) {
    if (const auto first = make_date(*year_of(words[i + 3]), *number(words[i + 2]), *number(words[i]));
        first && *number(words[i]) < *number(words[i + 1]) &&
        make_date(first->year, first->month, *number(words[i + 1]))) {
      used = 4;
      return DateValue{first->iso(), "range"};
    }
    return std::nullopt;
  }
  // "[từ] [ngày] D/M[/Y] (đến|-|–) [ngày] D/M/Y"
  {
    const std::size_t start = text.is(i, "từ") ? i + 1 : i;
    std::size_t first_used = 0;
    std::optional<Date> first_full;
    std::optional<std::pair<long, long>> first_partial;
    if ((first_full = date_at(text, start, first_used)) || (first_partial = day_and_month_at(text, start, first_used))) {
      std::size_t next = start + first_used;
      const std::string_view gap = next < words.size() ? text.gap_before(next) : std::string_view();
      const bool dash = gap.find_first_not_of(" ") != std::string_view::npos &&
                        gap.find_first_not_of(" -\u2013") == std::string_view::npos;
      const bool to = next < words.size() && text.is(next, "đến");
      if (dash || to) {
        if (to) ++next;
        std::size_t last_used = 0;
        if (const auto last = date_at(text, next, last_used)) {
          auto first = first_full ? first_full : make_date(last->year, first_partial->second, first_partial->first);
          // "28/12 - 3/1/2026": a first day after the last is in the year before.
          if (first && !first_full && first->iso() > last->iso()) {
            first = make_date(last->year - 1, first_partial->second, first_partial->first);
          }
          if (!first || first->iso() > last->iso()) return std::nullopt;
          used = next + last_used - i;
          return DateValue{first->iso(), "range"};
        }
      }
    }
  }
  if (const auto day = date_at(text, i, used)) return DateValue{day->iso(), "day"};
  std::size_t period_used = 0;
  if (text.is(i, "tháng")) {
    if (const auto found = month_and_year(text, i + 1, period_used)) {
      const auto first = make_date(found->second, found->first, 1);
      if (!first) return std::nullopt;
      used = 1 + period_used;
      return DateValue{first->iso(), "month"};
    }
  }
  if (text.is(i, "quý") && i + 1 < words.size()) {
    if (const auto quarter = quarter_of(words[i + 1])) {
      std::optional<long> year;
      if (i + 2 < words.size() && (text.gap_before(i + 2) == "/" || text.gap_before(i + 2) == "-")) {
        year = year_of(words[i + 2]);
        used = 3;
      } else if (i + 3 < words.size() && text.is(i + 2, "năm")) {
        year = year_of(words[i + 3]);
        used = 4;
      }
      const auto first = year ? make_date(*year, *quarter * 3 - 2, 1) : std::nullopt;
      if (!first) return std::nullopt;
      return DateValue{first->iso(), "quarter"};
    }
  }
  const std::size_t year_word = text.is(i, "năm") ? i + 1 : i;
  if (year_word < words.size()) {
    if (const auto year = year_of(words[year_word])) {
      if (const auto first = make_date(*year, 1, 1)) {
        used = year_word + 1 - i;
        return DateValue{first->iso(), "year"};
      }
    }
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

std::optional<DateValue> parse_date_value(std::string_view text) {
  if (const auto day = parse_date(text)) return DateValue{*day, "day"};
  // ISO months: "2020-05".
  if (text.size() == 7 && text[4] == '-' && digits(text.substr(0, 4)) && digits(text.substr(5, 2))) {
    long year = 0, month = 0;
    std::from_chars(text.data(), text.data() + 4, year);
    std::from_chars(text.data() + 5, text.data() + 7, month);
    if (const auto first = metadata::make_date(year, month, 1)) return DateValue{first->iso(), "month"};
    return std::nullopt;
  }
  const metadata::AnalyzedText analyzed(text);
  std::size_t used = 0;
  auto value = metadata::date_value_at(analyzed, 0, used);
  if (!value || used != analyzed.words().size()) return std::nullopt;
  return value;
}

}  // namespace vankien
