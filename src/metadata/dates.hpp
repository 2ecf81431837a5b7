#pragma once
// Dates in the forms Party texts use: "ngày 15 tháng 3 năm 2019", "15/3/2019",
// "01-10-1997", "28.10.2020"; checked against the calendar.

#include <cstddef>
#include <optional>
#include <string>

#include "metadata/analyzed_text.hpp"

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

/// The first date anywhere in `text` (a byline: "Thứ Ba, 12/05/2020 - 08:15").
std::optional<Date> first_date_in(std::string_view text);

}  // namespace vankien::metadata
