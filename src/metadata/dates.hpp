#pragma once
// Dates in the forms Party texts use: "ngày 15 tháng 3 năm 2019", "15/3/2019",
// "01-10-1997", "28.10.2020"; checked against the calendar.

#include <cstddef>
#include <optional>
#include <string>
#include <utility>

#include "metadata/analyzed_text.hpp"
#include "vankien/metadata.hpp"

namespace vankien::metadata {

struct Date {
  int year = 0, month = 0, day = 0;
  std::string iso() const;  // "2019-03-15"
};

/// A real calendar date between 1930 and 2100.
std::optional<Date> make_date(long year, long month, long day);

/// The date that starts at word `i`, if any; `words_used` tells how many words
/// it spans. "ngày" before the numbers is part of it.
std::optional<Date> date_at(const AnalyzedText& text, std::size_t i, std::size_t& words_used);

/// A day and month without a year from word `i`: "10/4", "ngày 10/4",
/// "ngày 10 tháng 4" -> {10, 4}; not checked against the calendar.
std::optional<std::pair<long, long>> day_and_month_at(const AnalyzedText& text, std::size_t i,
                                                      std::size_t& words_used);

/// A date, period or range from word `i`, in the forms parse_date_value reads.
std::optional<DateValue> date_value_at(const AnalyzedText& text, std::size_t i, std::size_t& words_used);

/// The first date anywhere in `text` (a byline: "Thứ Ba, 12/05/2020 - 08:15").
std::optional<Date> first_date_in(std::string_view text);

}  // namespace vankien::metadata
