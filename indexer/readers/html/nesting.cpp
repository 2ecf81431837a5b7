#include "nesting.hpp"

#include <array>
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

bool is_letter(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

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

// Past the '>' that ends a tag, quotes respected; sets `self_closing`.
std::size_t tag_end(std::string_view html, std::size_t i, bool& self_closing) {
  char quote = 0;
  for (; i < html.size(); ++i) {
    const char c = html[i];
    if (quote) {
      if (c == quote) quote = 0;
    } else if (c == '"' || c == '\'') {
      quote = c;
    } else if (c == '>') {
      self_closing = i > 0 && html[i - 1] == '/';
      return i + 1;
    }
  }
  return html.size();
}

// Past the end tag of raw text `name` ("</script"), or the end of the page.
std::size_t raw_text_end(std::string_view html, std::size_t i, const std::string& name) {
  for (std::size_t at = html.find("</", i); at != std::string_view::npos; at = html.find("</", at + 2)) {
    std::size_t after = at + 2;
    if (name_at(html, after) == name) return after;
  }
  return html.size();
}

}  // namespace

std::optional<std::string> flatten_deep_nesting(std::string_view html) {
  std::vector<std::pair<std::size_t, std::size_t>> dropped;  // byte ranges of start tags
  std::size_t depth = 0;
  for (std::size_t i = html.find('<'); i != std::string_view::npos && i + 1 < html.size();
       i = html.find('<', i)) {
    const std::size_t start = i;
    if (html.compare(i, 4, "<!--") == 0) {
      const std::size_t end = html.find("-->", i + 4);
      i = end == std::string_view::npos ? html.size() : end + 3;
      continue;
    }
    if (html[i + 1] == '!' || html[i + 1] == '?') {
      bool ignored = false;
      i = tag_end(html, i + 2, ignored);
      continue;
    }
    if (html[i + 1] == '/') {
      i += 2;
      const std::string name = name_at(html, i);
      bool ignored = false;
      i = tag_end(html, i, ignored);
      if (depth > 0 && !name.empty() && !is_one_of(name, void_tags) && !is_one_of(name, self_ending_tags)) --depth;
      continue;
    }
    if (!is_letter(html[i + 1])) {
      ++i;
      continue;
    }
    ++i;
    const std::string name = name_at(html, i);
    bool self_closing = false;
    i = tag_end(html, i, self_closing);
    if (is_one_of(name, raw_text_tags)) {
      i = raw_text_end(html, i, name);
      continue;
    }
    if (self_closing || is_one_of(name, void_tags) || is_one_of(name, self_ending_tags)) continue;
    if (depth == max_nesting) {
      dropped.push_back({start, i});
      continue;
    }
    ++depth;
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
