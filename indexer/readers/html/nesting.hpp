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

/// `html` with the start tags beyond `max_nesting` levels removed (and
/// formatting tags beyond 16 still active, which Gumbo would re-create before
/// every later text), or nothing when there are none. Depth is tracked as the
/// HTML tokenizer reads tags: an end tag closes the innermost open element of
/// its name and is ignored when none is open; void elements and elements whose
/// end tag may be omitted (<p>, <li>, <td> ...) do not nest; "/>" closes only
/// void elements, or any inside svg and math; quotes count only around
/// attribute values; raw text (<script>, <style>) and comments are skipped.
std::optional<std::string> flatten_deep_nesting(std::string_view html);

}  // namespace vankien::readers::html
