#include "text.hpp"

#include <algorithm>
#include <string_view>
#include <vector>

#include "../readers.hpp"

namespace vankien::readers::html {

namespace {

bool is_space(unsigned char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

// Text built from pieces: white space collapsed to one space, block ends to
// one newline, nothing at the start or end of a line.
class Lines {
 public:
  void text(std::string_view piece, bool preformatted) {
    if (preformatted) return raw(piece);
    for (std::size_t i = 0; i < piece.size(); ++i) {
      const unsigned char c = static_cast<unsigned char>(piece[i]);
      // U+00A0 (&nbsp;) is C2 A0 in UTF-8: a space like any other.
      const bool nbsp = c == 0xC2 && i + 1 < piece.size() && static_cast<unsigned char>(piece[i + 1]) == 0xA0;
      if (is_space(c) || nbsp) {
        if (nbsp) ++i;
        space_ = !out_.empty() && out_.back() != '\n' && out_.back() != '\t';
        continue;
      }
      if (space_) out_ += ' ';
      space_ = false;
      out_ += static_cast<char>(c);
    }
  }
  // Text laid out already (preformatted, or a table row): kept as it is.
  void raw(std::string_view piece) {
    if (space_) out_ += ' ';
    space_ = false;
    for (const char c : piece) {
      if (c != '\r') out_ += c;
    }
  }
  void end_line() {
    space_ = false;
    if (!out_.empty() && out_.back() != '\n') out_ += '\n';
  }
  std::string take() {
    while (!out_.empty() && (out_.back() == '\n' || out_.back() == '\t')) out_.pop_back();
    return std::move(out_);
  }

 private:
  std::string out_;
  bool space_ = false;
};

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t end = std::min(text.find('\n', start), text.size());
    lines.push_back(text.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

// Cells laid side by side: line k of the row is line k of every cell. A row
// too large for that (many cells, many lines: a layout table, not a header)
// has its cells one after another, so the work stays linear.
std::string zip_cells(const std::vector<std::string>& cells) {
  std::vector<std::vector<std::string_view>> columns;
  std::size_t height = 0;
  for (const std::string& cell : cells) {
    columns.push_back(split_lines(cell));
    height = std::max(height, columns.back().size());
  }
  constexpr std::size_t max_zipped_lines = 64;
  if (height > max_zipped_lines && columns.size() > 1) {
    std::string row;
    for (const std::string& cell : cells) {
      if (cell.empty()) continue;
      row.append(cell).append("\n");
    }
    return row;
  }
  std::string row;
  for (std::size_t k = 0; k < height; ++k) {
    std::string line;
    for (const auto& column : columns) {
      if (!line.empty()) line += '\t';
      if (k < column.size()) line.append(column[k]);
    }
    const std::size_t last = line.find_last_not_of('\t');
    if (last == std::string::npos) continue;
    row.append(line, 0, last + 1).append("\n");
  }
  return row;
}

// Rows inside cells inside rows: beyond this depth, cells run on as text.
constexpr int max_table_depth = 4;

std::string text_at_depth(const GumboNode& root, const Skip& skip, int table_depth);

// A row's cells, each read on its own, then zipped.
std::string row_text(const GumboNode& row, const Skip& skip, int table_depth) {
  std::vector<std::string> cells;
  const GumboVector& children = row.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode& cell = child(children, i);
    if (!is_element(cell, GUMBO_TAG_TD) && !is_element(cell, GUMBO_TAG_TH)) continue;
    if (is_invisible(cell) || (skip && skip(cell))) continue;
    cells.push_back(text_at_depth(cell, skip, table_depth + 1));
  }
  return zip_cells(cells);
}

std::string text_at_depth(const GumboNode& root, const Skip& skip, int table_depth) {
  Lines lines;
  // Each entry: a node, and whether its end (not its start) is due.
  std::vector<std::pair<const GumboNode*, bool>> pending{{&root, false}};
  std::vector<bool> preformatted{false};
  while (!pending.empty()) {
    const auto [node, closing] = pending.back();
    pending.pop_back();
    if (node->type == GUMBO_NODE_TEXT || node->type == GUMBO_NODE_CDATA ||
        node->type == GUMBO_NODE_WHITESPACE) {
      lines.text(node->v.text.text, preformatted.back());
      continue;
    }
    if (!is_element(*node)) continue;  // comments
    const GumboTag tag = node->v.element.tag;
    if (closing) {
      if (tag == GUMBO_TAG_PRE) preformatted.pop_back();
      if (is_block(tag)) lines.end_line();
      continue;
    }
    if (node != &root && (is_invisible(*node) || (skip && skip(*node)))) continue;
    if (tag == GUMBO_TAG_BR) {
      lines.end_line();
      continue;
    }
    if (tag == GUMBO_TAG_TR && table_depth < max_table_depth) {
      lines.end_line();
      lines.raw(row_text(*node, skip, table_depth));
      continue;
    }
    if (is_block(tag)) lines.end_line();
    if (tag == GUMBO_TAG_TD || tag == GUMBO_TAG_TH) lines.text(" ", false);
    if (tag == GUMBO_TAG_PRE) preformatted.push_back(true);
    pending.push_back({node, true});
    const GumboVector& children = node->v.element.children;
    for (unsigned i = children.length; i-- > 0;) pending.push_back({&child(children, i), false});
  }
  return lines.take();
}

}  // namespace

bool is_block(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_P: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_ARTICLE:
    case GUMBO_TAG_MAIN: case GUMBO_TAG_HEADER: case GUMBO_TAG_FOOTER: case GUMBO_TAG_ASIDE:
    case GUMBO_TAG_NAV: case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4:
    case GUMBO_TAG_H5: case GUMBO_TAG_H6: case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_LI:
    case GUMBO_TAG_DL: case GUMBO_TAG_DT: case GUMBO_TAG_DD: case GUMBO_TAG_TABLE: case GUMBO_TAG_CAPTION:
    case GUMBO_TAG_THEAD: case GUMBO_TAG_TBODY: case GUMBO_TAG_TFOOT: case GUMBO_TAG_TR:
    case GUMBO_TAG_BLOCKQUOTE: case GUMBO_TAG_PRE: case GUMBO_TAG_FIGURE: case GUMBO_TAG_FIGCAPTION:
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_HR: case GUMBO_TAG_CENTER: case GUMBO_TAG_FORM:
    case GUMBO_TAG_FIELDSET: case GUMBO_TAG_DETAILS: case GUMBO_TAG_SUMMARY: case GUMBO_TAG_BODY:
      return true;
    default:
      return false;
  }
}

bool is_invisible(const GumboNode& element) {
  if (element.type == GUMBO_NODE_TEMPLATE) return true;
  switch (element.v.element.tag) {
    case GUMBO_TAG_HEAD: case GUMBO_TAG_SCRIPT: case GUMBO_TAG_STYLE: case GUMBO_TAG_NOSCRIPT:
    case GUMBO_TAG_TEMPLATE: case GUMBO_TAG_IFRAME: case GUMBO_TAG_OBJECT: case GUMBO_TAG_EMBED:
    case GUMBO_TAG_SVG: case GUMBO_TAG_MATH: case GUMBO_TAG_CANVAS: case GUMBO_TAG_SELECT:
    case GUMBO_TAG_BUTTON: case GUMBO_TAG_INPUT: case GUMBO_TAG_TEXTAREA: case GUMBO_TAG_MAP:
    case GUMBO_TAG_AUDIO: case GUMBO_TAG_VIDEO:
      return true;
    default:
      break;
  }
  if (element.v.element.tag_namespace != GUMBO_NAMESPACE_HTML) return true;
  if (gumbo_get_attribute(&element.v.element.attributes, "hidden")) return true;
  if (attribute(element, "aria-hidden") == "true") return true;
  const std::string_view declared = attribute(element, "style");
  if (declared.empty()) return false;
  std::string style = ascii_lower(declared);
  style.erase(std::remove_if(style.begin(), style.end(), [](char c) { return is_space(static_cast<unsigned char>(c)); }),
              style.end());
  return style.find("display:none") != std::string::npos || style.find("visibility:hidden") != std::string::npos;
}

std::string text_of(const GumboNode& element, const Skip& skip) { return text_at_depth(element, skip, 0); }

}  // namespace vankien::readers::html
