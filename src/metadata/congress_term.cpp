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

std::string span(int start, int years = 5) { return std::to_string(start) + "-" + std::to_string(start + years); }

// A term is at most five years; a branch's or an association's may be shorter
// ("2020-2022"), and is read as written.
bool is_term_span(int from, int to) { return to > from && to - from <= 5; }

// "nhiệm kỳ", also typed "nhiệm kì" or "nhiêm kỳ": compared without marks.
bool is_nhiem_ky(const AnalyzedText& text, std::size_t i) {
  const auto& words = text.words();
  return i + 1 < words.size() && words[i].folded == "nhiem" && words[i + 1].folded == "ki";
}

// Bodies whose terms are not the Party's: people's councils and committees,
// the National Assembly, the Front and the mass organisations. A term named
// right after one of them ("HĐND các cấp nhiệm kỳ 2021-2026") is theirs.
bool follows_another_body(const AnalyzedText& text, std::size_t i) {
  static const std::vector<std::vector<std::string>> bodies = {
      phrase_words("hđnd"), phrase_words("ubnd"), phrase_words("hội đồng nhân dân"),
      phrase_words("ủy ban nhân dân"), phrase_words("quốc hội"), phrase_words("thanh niên"),
      phrase_words("tncs"), phrase_words("công đoàn"), phrase_words("mặt trận"), phrase_words("mttq"),
      phrase_words("hội nông dân"), phrase_words("phụ nữ"), phrase_words("lhpn"), phrase_words("cựu chiến binh"),
      phrase_words("ccb"), phrase_words("hội liên hiệp")};
  // A Party organisation of such a body ("Đảng bộ Ủy ban nhân dân tỉnh",
  // "Chi bộ Hội Nông dân") has a Party term.
  static const std::vector<std::vector<std::string>> party = {
      phrase_words("đảng bộ"), phrase_words("chi bộ"), phrase_words("đảng ủy"), phrase_words("ban cán sự đảng")};
  // Words before "nhiệm kỳ", within the sentence: "Đại hội đại biểu MTTQ Việt
  // Nam huyện lần thứ V, nhiệm kỳ 2019-2024".
  constexpr std::size_t look_back = 10;
  std::size_t from = i >= look_back ? i - look_back : 0;
  for (std::size_t k = i; k > from; --k) {
    if (text.gap_before(k).find_first_of(".;") != std::string_view::npos) {
      from = k;
      break;
    }
  }
  const auto party_right_before = [&](std::size_t k) {
    for (const auto& organisation : party) {
      if (k >= organisation.size() && text.matches(k - organisation.size(), organisation)) return true;
    }
    return false;
  };
  for (std::size_t k = from; k < i; ++k) {
    for (const auto& body : bodies) {
      if (k + body.size() <= i && text.matches(k, body)) return !party_right_before(k);
    }
  }
  return false;
}

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
  for (std::size_t i = first; i + 3 < last + 1 && i + 3 <= words.size(); ++i) {
    if (!is_nhiem_ky(text, i) || i + 3 >= words.size() || follows_another_body(text, i)) continue;
    const auto from = year_of(words[i + 2]), to = year_of(words[i + 3]);
    if (from && to && is_term_span(*from, *to) && is_dash_gap(text.gap_before(i + 3))) {
      return span(*from, *to - *from);
    }
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

bool names_a_party_body(const AnalyzedText& text) {
  static const std::vector<std::vector<std::string>> bodies = [] {
    std::vector<std::vector<std::string>> out;
    for (const char* phrase :
         {"huyện ủy", "tỉnh ủy", "thành ủy", "thị ủy", "quận ủy", "đảng ủy", "cấp ủy", "ban thường vụ",
          "ban chấp hành đảng bộ", "đảng bộ", "chi bộ", "đảng viên", "ban cán sự đảng", "ban tuyên giáo",
          "ban dân vận", "ủy ban kiểm tra", "bí thư", "đại hội đảng", "xây dựng đảng", "công tác đảng"}) {
      out.push_back(phrase_words(phrase));
    }
    return out;
  }();
  for (std::size_t i = 0; i < text.words().size(); ++i) {
    for (const auto& body : bodies) {
      if (text.matches(i, body)) return true;
    }
  }
  return false;
}

std::string inferred_term(int year, int month, bool central) {
  constexpr int local_congress_month = 7, national_congress_month = 2;  // the first month of the new term
  const int start = central ? year - ((year - 1) % 5 + 5) % 5 : year - year % 5;
  const int first_month = central ? national_congress_month : local_congress_month;
  return span(start == year && month < first_month ? start - 5 : start);
}

std::optional<std::string> parse_term(std::string_view text) {
  const AnalyzedText analyzed(text);
  const auto& words = analyzed.words();
  if (words.size() != 2) return std::nullopt;
  const auto from = year_of(words[0]), to = year_of(words[1]);
  if (!from || !to || !is_term_span(*from, *to) || !is_dash_gap(analyzed.gap_before(1))) {
    return std::nullopt;
  }
  return span(*from, *to - *from);
}

}  // namespace vankien::metadata
