#include "metadata/layout.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "metadata/analyzed_text.hpp"
#include "metadata/dates.hpp"
#include "vankien/analyzer.hpp"
#include "vankien/document.hpp"
#include "vankien/text.hpp"

namespace vankien::metadata {

namespace {

struct Line {
  std::string_view text;  // without the line break
  std::size_t begin = 0;
  std::size_t indent = 0;
};

constexpr std::size_t header_line_limit = 14;     // non-empty lines a header may span
constexpr std::size_t caption_indent = 8;         // a photo caption sits this far right
constexpr std::size_t max_title_bytes = 400;
constexpr std::size_t max_lead_bytes = 1200;
constexpr std::size_t max_author_bytes = 60;
constexpr std::size_t max_byline_bytes = 100;
constexpr std::size_t closing_lines = 4;          // lines a signature block may span

std::string_view trim(std::string_view text) {
  const auto first = text.find_first_not_of(" \t\r");
  if (first == std::string_view::npos) return {};
  const auto last = text.find_last_not_of(" \t\r");
  return text.substr(first, last - first + 1);
}

// At most `limit` bytes, cut at a space so that no word (and no UTF-8
// sequence) is split.
std::string shortened(std::string_view text, std::size_t limit) {
  if (text.size() <= limit) return std::string(text);
  const std::size_t space = text.rfind(' ', limit);
  std::size_t cut = space != std::string_view::npos && space > 0 ? space : limit;
  while (cut > 0 && (static_cast<unsigned char>(text[cut]) & 0xC0) == 0x80) --cut;
  return std::string(text.substr(0, cut)) + "…";
}

std::vector<Line> non_empty_lines(std::string_view body) {
  std::vector<Line> lines;
  std::size_t start = 0;
  while (start <= body.size()) {
    std::size_t end = body.find('\n', start);
    if (end == std::string_view::npos) end = body.size();
    const std::string_view raw = body.substr(start, end - start);
    if (!trim(raw).empty()) {
      lines.push_back({raw, start, raw.find_first_not_of(" \t")});
    }
    start = end + 1;
  }
  return lines;
}

// Header cells: a line split where three or more spaces (or a tab) separate columns.
std::vector<std::string> cells(std::string_view line) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < line.size()) {
    std::size_t gap = i;
    while (gap < line.size()) {
      if (line[gap] == '\t') break;
      if (line.compare(gap, 3, "   ") == 0) break;
      ++gap;
    }
    const std::string_view cell = trim(line.substr(i, gap - i));
    if (!cell.empty()) out.emplace_back(cell);
    i = line.find_first_not_of(" \t", gap);
    if (i == std::string_view::npos) break;
  }
  return out;
}

bool is_capitals(std::string_view text) {
  // Capitals when normalising (which lower-cases) changes every letter-bearing word.
  const std::string lower = vankien::normalize(text);
  return lower != text && vankien::normalize(lower) == lower &&
         std::none_of(text.begin(), text.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

bool has_letters(std::string_view text) {
  return std::any_of(text.begin(), text.end(), [](char c) {
    const auto byte = static_cast<unsigned char>(c);
    return (byte >= 'A' && byte <= 'Z') || (byte >= 'a' && byte <= 'z') || byte >= 0xC3;
  });
}

// The start of a line, folded: enough of it to compare with any heading
// looked for (the longest, folded, is 25 bytes), rather than all of it, as a
// line may be a whole paragraph. Cut at a blank, so no word is split.
constexpr std::size_t line_start_bytes = 160;

std::string folded_start(std::string_view text) {
  if (text.size() > line_start_bytes) {
    const std::size_t blank = text.find_first_of(" \t", line_start_bytes);
    if (blank != std::string_view::npos) text = text.substr(0, blank);
  }
  return vankien::fold(text);
}

bool starts_with_words(std::string_view text, std::string_view words) {
  return folded_start(text).starts_with(vankien::fold(words));
}

// "Số 12-NQ/HU", "Số: 155/KH-UBND": the word số itself, with its mark (or
// unmarked in a line with no marks at all), then a number. "Sở", "Sơn",
// "Song" and "Số lượng ..." do not start a number line.
bool is_number_cell(std::string_view cell) {
  const std::vector<Token> tokens = Analyzer().analyze(cell.substr(0, 80)).tokens;
  if (tokens.size() < 2) return false;
  const bool so = tokens[0].text == "số" || (tokens[0].text == "so" && !has_diacritics(cell));
  return so && (tokens[1].kind == TokenKind::number || tokens[1].kind == TokenKind::code);
}

bool is_motto_or_party(std::string_view cell) {
  static const std::string headings[] = {vankien::fold("đảng cộng sản việt nam"),
                                         vankien::fold("cộng hòa xã hội chủ nghĩa"), vankien::fold("độc lập")};
  const std::string start = folded_start(cell);
  return std::any_of(std::begin(headings), std::end(headings),
                     [&](const std::string& heading) { return start.starts_with(heading); });
}

// A name alone on a line: two to five words, each starting with a capital
// letter ("Hoàng Sim", "Nông Văn Tuấn"), no digits, no closing punctuation.
bool looks_like_author(std::string_view line) {
  if (line.empty() || line.size() > max_author_bytes) return false;
  if (std::string_view(".:;!?,").find(line.back()) != std::string_view::npos) return false;
  if (line.find_first_of("0123456789") != std::string_view::npos) return false;
  const icu::UnicodeString text = icu::UnicodeString::fromUTF8(
      icu::StringPiece(line.data(), static_cast<int32_t>(line.size())));
  std::size_t words = 0;
  bool at_word_start = true;
  for (int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
    const UChar32 c = text.char32At(i);
    if (c == ' ') {
      at_word_start = true;
      continue;
    }
    if (at_word_start) {
      if (!u_isupper(c)) return false;
      ++words;
      at_word_start = false;
    }
  }
  return words >= 2 && words <= 5;
}

// The body's first line is the given title (or starts with it).
bool is_title_line(std::string_view line, std::string_view title) {
  const std::string folded_title = vankien::fold(trim(title));
  return !folded_title.empty() && vankien::fold(trim(line)).rfind(folded_title, 0) == 0;
}

}  // namespace

bool is_byline(std::string_view line) {
  line = trim(line);
  if (line.empty() || line.size() > max_byline_bytes) return false;
  static const std::vector<std::string> byline_words = {
      "thứ", "hai", "ba", "tư", "năm", "sáu", "bảy", "chủ", "nhật", "cn", "cập", "đăng",
      "ngày", "lúc", "giờ", "phút", "gmt", "thời", "gian", "am", "pm"};
  const AnalyzedText text(line);
  const auto& words = text.words();
  bool dated = false;
  for (std::size_t i = 0; i < words.size();) {
    std::size_t used = 0;
    if (!dated && date_at(text, i, used)) {
      dated = true;
      i += used;
      continue;
    }
    const std::string& word = words[i].text;
    const bool time_part = words[i].kind == TokenKind::number && word.size() <= 2;
    if (!time_part && std::find(byline_words.begin(), byline_words.end(), word) == byline_words.end()) {
      return false;
    }
    ++i;
  }
  return dated;
}

Layout read_layout(std::string_view body, std::string_view given_title) {
  Layout layout;
  const std::vector<Line> lines = non_empty_lines(body);
  if (lines.empty()) return layout;

  // A header: within the first lines, a "Số ..." cell or the Party/State motto.
  std::size_t number_line = lines.size();
  for (std::size_t i = 0; i < std::min(lines.size(), header_line_limit); ++i) {
    for (const std::string& cell : cells(lines[i].text)) {
      layout.header_cells.push_back(cell);
      if (is_number_cell(cell) && number_line == lines.size()) number_line = i;
      if (is_motto_or_party(cell)) layout.formal = true;
    }
  }
  layout.formal = layout.formal || number_line != lines.size();

  std::size_t next = 0;  // first line after the header
  if (layout.formal) {
    const std::size_t header_end = std::min({number_line, lines.size(), header_line_limit});
    std::vector<std::string> issuer_lines;
    for (std::size_t i = 0; i < header_end; ++i) {
      const auto row = cells(lines[i].text);
      if (row.empty()) continue;
      const std::string& left = row.front();
      if (left == "*" || is_motto_or_party(left) || !is_capitals(left)) continue;
      issuer_lines.push_back(left);
    }
    // "ĐẢNG BỘ TỈNH BẮC KẠN" above "HUYỆN ỦY BẠCH THÔNG" is the parent body.
    if (issuer_lines.size() > 1 && starts_with_words(issuer_lines.front(), "đảng bộ")) {
      issuer_lines.erase(issuer_lines.begin());
    }
    for (const std::string& part : issuer_lines) {
      layout.issuer_heading += (layout.issuer_heading.empty() ? "" : " ") + part;
    }
    // Skip what is left of the header: two-column lines (place and date), the
    // motto, rules and stray marks.
    next = number_line == lines.size() ? 0 : number_line + 1;
    while (next < lines.size() && next < header_line_limit &&
           (cells(lines[next].text).size() > 1 || is_motto_or_party(trim(lines[next].text)) ||
            !has_letters(lines[next].text) || parse_access(trim(lines[next].text)))) {
      ++next;
    }
  }
  if (next >= lines.size()) next = 0;
  // Bylines above the title or the lead.
  while (next + 1 < lines.size() && layout.bylines.size() < 2 && is_byline(lines[next].text)) {
    layout.bylines.emplace_back(trim(lines[next].text));
    ++next;
  }
  std::size_t last = lines.size();  // one past the last line of text
  if (last > next + 1 && is_byline(lines[last - 1].text)) {
    layout.bylines.emplace_back(trim(lines[last - 1].text));
    --last;
  }
  for (std::size_t i = lines.size() > closing_lines ? lines.size() - closing_lines : 0; i < lines.size(); ++i) {
    for (std::string& cell : cells(lines[i].text)) layout.closing_cells.push_back(std::move(cell));
  }

  // Title: the first line; in a formal document, the type heading and its
  // subject. A post whose title was given apart has none in its body.
  const std::string_view first = trim(lines[next].text);
  layout.title = shortened(first, max_title_bytes);
  const bool untitled = !layout.formal && !given_title.empty() && !is_title_line(first, given_title);
  std::size_t after_title = untitled ? next : next + 1;
  if (layout.formal && is_capitals(first) && first.size() < 40 && after_title < lines.size()) {
    layout.type_heading = std::string(first);
    layout.title += ' ';
    layout.title += shortened(trim(lines[after_title].text), max_title_bytes);
    ++after_title;
  }
  layout.header_bytes = after_title < lines.size() ? lines[after_title].begin : body.size();

  if (!layout.formal) {
    // Lead: the paragraph under a short title, unless it is a caption.
    if (after_title < last && last > after_title + 1 &&
        lines[after_title].indent < caption_indent &&
        trim(lines[after_title].text).size() <= max_lead_bytes) {
      layout.lead = std::string(trim(lines[after_title].text));
    }
    if (last > 2) {
      const std::string_view author = trim(lines[last - 1].text);
      if (looks_like_author(author)) layout.author = std::string(author);
    }
  }
  return layout;
}

}  // namespace vankien::metadata
