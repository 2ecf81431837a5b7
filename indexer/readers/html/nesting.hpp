#pragma once
// Bounded nesting for Gumbo. HTML5 tree building checks the stack of open
// elements on most tags, so a page of 50,000 unclosed <div>s takes Gumbo
// minutes. As browsers do (Blink flattens the tree below 512 levels), tags
// nested deeper than a bound are not built as elements: their start tags are
// dropped, their text is kept.

#include <optional>
#include <string>
#include <string_view>

namespace vankien::readers::html {

inline constexpr std::size_t max_nesting = 256;

/// `html` with the start tags beyond `max_nesting` levels removed, or nothing
/// when no element is nested that deep. Depth is estimated as a tokenizer
/// sees it: void elements, elements whose end tag may be omitted (<p>, <li>,
/// <td> ...) and self-closing tags do not nest; raw text (<script>, <style>)
/// and comments are skipped.
std::optional<std::string> flatten_deep_nesting(std::string_view html);

}  // namespace vankien::readers::html
