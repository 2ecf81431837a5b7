#pragma once
// Congress terms (nhiệm kỳ). Local committees (province, district) serve
// 2010-2015, 2015-2020, 2020-2025, 2025-2030; the Central Committee a year
// later: 2016-2021 (khóa XII), 2021-2026 (khóa XIII), 2026-2031 (khóa XIV).

#include <cstddef>
#include <optional>
#include <string>

#include "metadata/analyzed_text.hpp"

namespace vankien::metadata {

/// "nhiệm kỳ 2015-2020" (any dash, spaces allowed) in words [first, last);
/// central documents also read "khóa XIII". Gives "2015-2020".
std::optional<std::string> stated_term(const AnalyzedText& text, std::size_t first,
                                       std::size_t last, bool central);

/// The term of the committee in office on `year`-`month`. A congress year's
/// committee is elected at its congress: district congresses by mid-year,
/// the national congress in January, so a local date before July and a
/// central one in January belong to the term that ends that year. Always an
/// inference: the caller marks it so.
std::string inferred_term(int year, int month, bool central);

/// True when the text names a Party body: a committee (huyện ủy, tỉnh ủy,
/// đảng ủy, cấp ủy, ban thường vụ ...), a Party organisation (đảng bộ, chi bộ)
/// its members (đảng viên) or its work (xây dựng Đảng).
bool names_a_party_body(const AnalyzedText& text);

/// "2015-2020", "2015 - 2020", "2015–2020" -> "2015-2020"; nothing otherwise.
std::optional<std::string> parse_term(std::string_view text);

}  // namespace vankien::metadata
