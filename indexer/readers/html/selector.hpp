#pragma once
// The CSS selectors site rules are written in: a comma-separated list of
// compound selectors (tag, #id, .class, [attr], [attr=value], [attr*=value])
// joined by descendant (space) or child (>) combinators. "div.detail > h1",
// "article, [itemprop=articleBody]".

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "page.hpp"

namespace vankien::readers::html {

class Selector {
 public:
  /// Nothing when `text` is not in the subset above.
  static std::optional<Selector> parse(std::string_view text);

  bool matches(const GumboNode& element) const;
  /// The first element under `root` (itself included) that matches, or null.
  const GumboNode* first(const GumboNode& root) const;

  struct Condition {
    enum class Kind { present, equals, contains } kind = Kind::present;
    std::string name, value;
  };
  struct Compound {
    std::string tag;  // empty: any
    std::vector<std::string> classes;
    std::string id;
    std::vector<Condition> attributes;
    bool child_of_previous = false;  // joined to the compound before by '>'
  };

 private:
  std::vector<std::vector<Compound>> alternatives_;
};

}  // namespace vankien::readers::html
