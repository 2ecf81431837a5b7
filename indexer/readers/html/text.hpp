#pragma once
// The visible text of an element, laid out as the plain-text readers expect:
// one line a block (paragraph, heading, list item, <br>), runs of white space
// and &nbsp; collapsed, and a table row's cells side by side, split by tabs,
// line for line (a document header in a two-column table reads as in a text
// conversion). Scripts, styles, forms and hidden elements give no text.

#include <functional>
#include <string>

#include "page.hpp"

namespace vankien::readers::html {

/// True for an element whose text is not to be read (beyond those always skipped).
using Skip = std::function<bool(const GumboNode&)>;

std::string text_of(const GumboNode& element, const Skip& skip = {});

/// Elements that never show text: <script>, <style>, <template>, form
/// controls, hidden ones ...
bool is_invisible(const GumboNode& element);
/// Elements that end a line: <p>, <div>, headings, list items, rows ...
bool is_block(GumboTag tag);

}  // namespace vankien::readers::html
