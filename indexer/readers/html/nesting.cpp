#include "nesting.hpp"

#include <algorithm>
#include <array>
#include <iterator>
#include <utility>
#include <vector>

namespace vankien::readers::html {

namespace {

constexpr std::array<std::string_view, 18> void_tags = {
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr", "keygen", "frame", "basefont", "bgsound"};
// End tags that may be left out: these close themselves and do not deepen the tree.
constexpr std::array<std::string_view, 20> self_ending_tags = {
    "p", "li", "dt", "dd", "tr", "td", "th", "option", "optgroup", "thead", "tbody", "tfoot",
    "colgroup", "caption", "rb", "rt", "rp", "rtc", "html", "body"};
constexpr std::array<std::string_view, 8> raw_text_tags = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes"};

template <std::size_t N>
bool is_one_of(const std::string& name, const std::array<std::string_view, N>& names) {
  for (std::string_view each : names) {
    if (each == name) return true;
  }
  return false;
}

constexpr std::array<std::string_view, 14> formatting_tags = {
    "a", "b", "big", "code", "em", "font", "i", "nobr", "s", "small", "strike", "strong", "tt", "u"};

// Formatting elements stay active after their parent closes, and Gumbo
// re-creates every active one before each later piece of text: beyond this
// many still active, their start tags are dropped too.
constexpr std::size_t max_active_formatting = 16;

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

// The tag name at `i` (lower case); `i` moves past it.
std::string name_at(std::string_view html, std::size_t& i) {
  std::string name;
  while (i < html.size() && (is_letter(html[i]) || (html[i] >= '0' && html[i] <= '9') || html[i] == '-' ||
                             html[i] == ':')) {
    name += lower(html[i++]);
  }
  return name;
}

// Past the '>' that ends a tag; quotes count only around attribute values,
// as the HTML tokenizer reads them. Sets `self_closing` for a final "/>".
std::size_t tag_end(std::string_view html, std::size_t i, bool& self_closing) {
  while (i < html.size()) {
    const char c = html[i];
    if (c == '>') {
      self_closing = i > 0 && html[i - 1] == '/';
      return i + 1;
    }
    ++i;
    if (c != '=') continue;
    while (i < html.size() && is_space(html[i])) ++i;
    if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
      const std::size_t close = html.find(html[i], i + 1);
      if (close == std::string_view::npos) return html.size();
      i = close + 1;
    }
  }
  return html.size();
}

// Past a comment starting at `i` ("<!--"): "<!-->" and "<!--->" end at once,
// others at "-->" or "--!>".
std::size_t comment_end(std::string_view html, std::size_t i) {
  if (html.compare(i, 5, "<!-->") == 0) return i + 5;
  if (html.compare(i, 6, "<!--->") == 0) return i + 6;
  const std::size_t plain = html.find("-->", i + 4), bang = html.find("--!>", i + 4);
  if (plain == std::string_view::npos && bang == std::string_view::npos) return html.size();
  return plain <= bang ? plain + 3 : bang + 4;
}

// Past the end tag of raw text `name` ("</script"), or the end of the page.
std::size_t raw_text_end(std::string_view html, std::size_t i, const std::string& name) {
  for (std::size_t at = html.find("</", i); at != std::string_view::npos; at = html.find("</", at + 2)) {
    std::size_t after = at + 2;
    if (name_at(html, after) == name) return after;
  }
  return html.size();
}

bool is_foreign(const std::string& name) { return name == "svg" || name == "math"; }

}  // namespace

std::optional<std::string> flatten_deep_nesting(std::string_view html) {
  std::vector<std::pair<std::size_t, std::size_t>> dropped;  // byte ranges of start tags
  std::vector<std::string> open;                             // elements counted as open, innermost last
  std::size_t foreign = 0;                                   // svg and math among them
  std::vector<std::string> active;                           // formatting elements not closed by their own end tag
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size();
       i = html.find('<', i)) {
    const std::size_t start = i;
    if (html.compare(i, 4, "<!--") == 0) {
      i = comment_end(html, i);
      continue;
    }
    if (html[i + 1] == '!' || html[i + 1] == '?') {  // doctype, bogus comment: to the first '>'
      const std::size_t end = html.find('>', i + 2);
      i = end == std::string_view::npos ? html.size() : end + 1;
      continue;
    }
    bool self_closing = false;
    if (html[i + 1] == '/') {
      i += 2;
      const std::string name = name_at(html, i);
      i = tag_end(html, i, self_closing);
      // An end tag closes the innermost open element of its name and those
      // inside it; one that names no open element is ignored, as HTML does.
      for (std::size_t k = open.size(); k-- > 0;) {
        if (open[k] != name) continue;
        for (std::size_t j = k; j < open.size(); ++j) foreign -= is_foreign(open[j]) ? 1 : 0;
        open.resize(k);
        break;
      }
      if (const auto found = std::find(active.rbegin(), active.rend(), name); found != active.rend()) {
        active.erase(std::next(found).base());
      }
      continue;
    }
    if (!is_letter(html[i + 1])) {
      ++i;
      continue;
    }
    ++i;
    const std::string name = name_at(html, i);
    i = tag_end(html, i, self_closing);
    if (foreign == 0 && is_one_of(name, raw_text_tags)) {
      i = raw_text_end(html, i, name);
      continue;
    }
    // "/>" closes only void elements in HTML, any element inside svg and math.
    if (is_one_of(name, void_tags) || is_one_of(name, self_ending_tags) || (self_closing && foreign > 0)) continue;
    const bool formatting = is_one_of(name, formatting_tags);
    if (open.size() == max_nesting || (formatting && active.size() == max_active_formatting)) {
      dropped.push_back({start, i});
      continue;
    }
    open.push_back(name);
    foreign += is_foreign(name) ? 1 : 0;
    if (formatting) active.push_back(name);
  }
  if (dropped.empty()) return std::nullopt;
  std::string flat;
  flat.reserve(html.size());
  std::size_t from = 0;
  for (const auto& [begin, end] : dropped) {
    flat.append(html.substr(from, begin - from));
    from = end;
  }
  flat.append(html.substr(from));
  return flat;
}

}  // namespace vankien::readers::html
