#include "metadata/post_date.hpp"

#include <algorithm>
#include <set>
#include <vector>

namespace vankien::metadata {

namespace {

constexpr std::size_t max_place_words = 8;   // "Số 12-NQ/HU Bạch Thông" before ", ngày"
constexpr std::size_t max_date_words = 6;    // "ngày 15 tháng 3 năm 2019" (date_at)
constexpr std::size_t max_issuer_words = 8;  // "của Ban Thường vụ Huyện ủy" before a cited date

bool is_one_of(const AnalyzedText& text, std::size_t i, std::initializer_list<std::string_view> words) {
  return std::any_of(words.begin(), words.end(), [&](std::string_view word) { return text.is(i, word); });
}

// At least how many words `text` holds, without analysing it: each piece
// between blanks with an ASCII letter or digit in it gives one or more.
std::size_t words_at_least(std::string_view text) {
  std::size_t count = 0;
  bool counted = false;
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      counted = false;
    } else if (!counted && ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))) {
      counted = true;
      ++count;
    }
  }
  return count;
}

std::optional<PlaceAndDate> place_and_date_in(const std::string& cell) {
  // The date ends the line, within its first words: a cell of more words (a
  // paragraph) is not one, and is not analysed.
  if (words_at_least(cell) > max_place_words + max_date_words) return std::nullopt;
  const AnalyzedText text(cell);
  const auto& words = text.words();
  for (std::size_t i = 0; i < words.size() && i <= max_place_words; ++i) {
    if (i > 0 && !text.is(i, "ngày")) continue;
    std::size_t used = 0;
    const auto date = date_at(text, i, used);
    // The date ends the cell: a sentence that starts with one is not a header line.
    if (!date || i + used != words.size()) continue;
    if (i == 0) return PlaceAndDate{"", *date};
    if (text.gap_before(i).find(',') == std::string_view::npos || belongs_to_cited_document(text, i)) {
      return std::nullopt;
    }
    const std::size_t comma = cell.rfind(',', words[i].begin);
    return PlaceAndDate{cell.substr(0, comma), *date};
  }
  return std::nullopt;
}

// A day without its year is read only where a date is expected: at the
// start of the lead, after "ngày" or a time of day ("Chiều 12/6, ..."), not in
// "đạt 3/5 tiêu chí".
bool introduces_a_day(const AnalyzedText& text, std::size_t i) {
  if (i == 0 || text.is(i, "ngày")) return true;
  return is_one_of(text, i - 1, {"sáng", "chiều", "tối", "trưa", "đêm", "hôm", "vào"});
}

// A year named as a goal or a span ahead ("đến năm 2030", "tầm nhìn đến
// năm 2045", "giai đoạn 2021-2025") says nothing of when a post was written.
bool names_a_goal(const AnalyzedText& text, std::size_t i) {
  return i > 0 && is_one_of(text, i - 1, {"đến", "tới", "đoạn", "kỳ"});
}

// The year a post dated `day`/`month` of an unwritten year was written, from
// the years its other dates name: full dates, "tháng 2/2020", "năm 2019",
// not a cited document's nor a goal's. The latest of them, except that a
// post of the last quarter naming a year and the next is about the year
// ending ("tổng kết năm 2019, triển khai nhiệm vụ năm 2020"). Without any,
// the documents it cites were issued before it: the first year in which the
// day falls after the latest of their dates.
std::optional<int> year_of_post(const AnalyzedText& body, long day, long month) {
  std::set<int> years;
  std::optional<Date> latest_cited;
  const auto& words = body.words();
  for (std::size_t i = 0; i < words.size(); ++i) {
    // Each day of a span ("3/2/1930 - 3/2/2021") on its own.
    std::size_t used = 0;
    if (const auto date = date_at(body, i, used)) {
      if (!belongs_to_cited_document(body, i)) {
        years.insert(date->year);
      } else if (!latest_cited || latest_cited->iso() < date->iso()) {
        latest_cited = date;
      }
      i += used - 1;
      continue;
    }
    const bool names_a_period = body.is(i, "tháng") || (body.is(i, "năm") && !names_a_goal(body, i));
    if (!names_a_period) continue;
    const auto period = date_value_at(body, i, used);
    if (period && (period->precision == "month" || period->precision == "year") &&
        !belongs_to_cited_document(body, i)) {
      years.insert(std::stoi(period->iso.substr(0, 4)));
      i += used - 1;
    }
  }
  if (!years.empty()) {
    const int latest = *years.rbegin();
    if (month >= 10 && years.count(latest - 1)) return latest - 1;
    return latest;
  }
  if (!latest_cited) return std::nullopt;
  for (int year = latest_cited->year; year <= latest_cited->year + 1; ++year) {
    if (const auto date = make_date(year, month, day); date && date->iso() >= latest_cited->iso()) return year;
  }
  return std::nullopt;
}

std::optional<DateValue> lead_date(std::string_view lead, const AnalyzedText& body) {
  const AnalyzedText text(lead);
  const auto& words = text.words();
  for (std::size_t i = 0; i < words.size(); ++i) {
    std::size_t used = 0;
    if (const auto value = date_value_at(text, i, used)) {
      if ((value->precision == "day" || value->precision == "range") && !belongs_to_cited_document(text, i)) {
        return value;
      }
      i += used - 1;
      continue;
    }
    if (!introduces_a_day(text, i)) continue;
    if (const auto day = day_and_month_at(text, i, used); day && !belongs_to_cited_document(text, i)) {
      const auto year = year_of_post(body, day->first, day->second);
      const auto date = year ? make_date(*year, day->second, day->first) : std::nullopt;
      // A day whose year cannot be told is no date, rather than a guess.
      return date ? std::optional<DateValue>(DateValue{date->iso(), "day"}) : std::nullopt;
    }
  }
  return std::nullopt;
}

}  // namespace

bool belongs_to_cited_document(const AnalyzedText& text, std::size_t i) {
  const std::size_t begin = text.words()[i].begin;
  const Token* cited = nullptr;
  for (const Token& code : text.codes()) {
    if (code.end > begin) break;
    cited = &code;
  }
  if (!cited) return false;
  const std::string_view gap = text.text().substr(cited->end, begin - cited->end);
  if (gap.find_first_of(".;:\n") != std::string_view::npos) return false;
  const AnalyzedText between(gap);
  const auto& words = between.words();
  return words.empty() ||
         (words.size() <= max_issuer_words && is_one_of(between, 0, {"của", "do"}));
}

std::optional<PlaceAndDate> place_and_date_line(const Layout& layout) {
  for (const auto* cells : {&layout.header_cells, &layout.closing_cells}) {
    for (const std::string& cell : *cells) {
      if (auto found = place_and_date_in(cell)) return found;
    }
  }
  return std::nullopt;
}

std::optional<DateValue> post_date(const Layout& layout, std::string_view lead, const AnalyzedText& body) {
  if (const auto line = place_and_date_line(layout)) return DateValue{line->date.iso(), "day"};
  for (const std::string& byline : layout.bylines) {
    if (const auto date = first_date_in(byline)) return DateValue{date->iso(), "day"};
  }
  return lead_date(lead, body);
}

}  // namespace vankien::metadata
