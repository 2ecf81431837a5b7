#pragma once
// A post's or a document's own date, when its source gave none. In order of
// evidence (docs/METADATA.md):
//   1. a place-and-date line, "Đắk Song, ngày 27 tháng 5 năm 2020" (or a date
//      alone) as a whole header cell, or in the last lines (a signature block);
//   2. a byline, "Thứ Sáu, 05/06/2020 - 15:02", "(Cập nhật: 12/05/2020)";
//   3. the first date of the lead that no cited document stands beside: a day
//      ("Sáng 13/12/2019, ...") or a range; a day written without its year
//      ("Ngày 13/12, ...") takes the year of the post's other dates.
// A date that belongs to a cited document ("Nghị định 158/2007/NĐ-CP ngày
// 27/10/2007", "Chỉ thị 05-CT/TW của Bộ Chính trị ngày 15/5/2016") is never
// the post's; nor is a date further into the body.

#include <optional>
#include <string>
#include <string_view>

#include "metadata/analyzed_text.hpp"
#include "metadata/dates.hpp"
#include "metadata/layout.hpp"
#include "vankien/metadata.hpp"

namespace vankien::metadata {

struct PlaceAndDate {
  std::string place;  // "Đắk Song"; empty for a date alone
  Date date;
};

/// The place-and-date line of a header or a signature block, if any.
std::optional<PlaceAndDate> place_and_date_line(const Layout& layout);

/// The own date by the rules above. `body` is the analysed body (or its
/// first part), for the year of a day written without one.
std::optional<DateValue> post_date(const Layout& layout, std::string_view lead, const AnalyzedText& body);

/// True when the date starting at word `i` belongs to a document cited right
/// before it: after its number, or after its number and "của"/"do" its issuer.
bool belongs_to_cited_document(const AnalyzedText& text, std::size_t i);

}  // namespace vankien::metadata
