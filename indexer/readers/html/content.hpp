#pragma once
// The main content of a page: the article, without the menus, sidebars,
// related-article lists, comments and footers around it (and sometimes inside it).
//
// Without a site rule, a readability-style scorer: every paragraph of 40 bytes
// or more scores 1, one more a comma and up to 3 more for its length; the score
// goes to its parent and half of it to its grandparent; each container's total
// is adjusted by class/id hints ("noidung", "chitiet", "content" up; "menu",
// "sidebar", "tinlienquan", "comment" down) and multiplied by the share of
// its text outside links. The best container wins.

#include <unordered_map>

#include "page.hpp"
#include "text.hpp"

namespace vankien::readers::html {

class Content {
 public:
  /// Measures every element under `body` once (text and link text bytes).
  explicit Content(const GumboNode& body);

  /// The element holding the article (the <body> itself when no container scores).
  const GumboNode& main() const { return *main_; }

  /// What to leave out inside the main content: navigation, forms, asides,
  /// link lists (blocks whose text is mostly links), and blocks hinted as
  /// comments, share bars or related articles.
  bool is_boilerplate(const GumboNode& element) const;

  struct Counts {
    std::size_t text = 0, links = 0, commas = 0;
  };

 private:
  const Counts& counts(const GumboNode& element) const;
  double link_density(const GumboNode& element) const;

  std::unordered_map<const GumboNode*, Counts> counts_;
  const GumboNode* main_ = nullptr;
};

}  // namespace vankien::readers::html
