#pragma once
// An HTML page parsed by Gumbo (the HTML5 algorithm, as browsers parse), and
// the few tree helpers the readers need. Nothing here recurses: trees as deep
// as the input are walked with an explicit stack.

#include <gumbo.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace vankien::readers::html {

class Page {
 public:
  /// Parses UTF-8 text: a whole page, or with `fragment` an editor's body
  /// (parsed as the content of a <div>). Tags nested deeper than
  /// max_nesting are dropped first (nesting.hpp).
  explicit Page(std::string_view utf8, bool fragment = false);
  ~Page();
  Page(const Page&) = delete;
  Page& operator=(const Page&) = delete;

  /// The <html> element (for a fragment, the one holding its nodes).
  const GumboNode& root() const { return *output_->root; }
  /// The document node: the <html> element, and comments and the doctype around it.
  const GumboNode& document() const { return *output_->document; }
  /// The <body> element (Gumbo always makes one).
  const GumboNode& body() const;

  struct Arena;

 private:
  std::unique_ptr<Arena> arena_;
  std::string flattened_;  // the page without tags nested too deep, when it had any
  GumboOptions options_;
  GumboOutput* output_ = nullptr;
};

inline bool is_element(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE;
}
inline bool is_element(const GumboNode& node, GumboTag tag) {
  return is_element(node) && node.v.element.tag == tag;
}
/// The element's or document's children (none for text).
const GumboVector* children_of(const GumboNode& node);
inline const GumboNode& child(const GumboVector& children, unsigned i) {
  return *static_cast<const GumboNode*>(children.data[i]);
}
/// An attribute's value, empty when absent.
std::string_view attribute(const GumboNode& element, const char* name);
/// True when the space-separated class attribute holds `name`.
bool has_class(const GumboNode& element, std::string_view name);

/// Calls visit(element) for every element under `root` (itself included) in
/// document order; a visit returning false skips that element's descendants.
template <class Visit>
void for_each_element(const GumboNode& root, Visit&& visit) {
  std::vector<const GumboNode*> pending{&root};
  while (!pending.empty()) {
    const GumboNode& node = *pending.back();
    pending.pop_back();
    if (!is_element(node) || !visit(node)) continue;
    const GumboVector& children = node.v.element.children;
    for (unsigned i = children.length; i-- > 0;) pending.push_back(&child(children, i));
  }
}

/// The first element under `root` for which `matches` is true, or null.
template <class Match>
const GumboNode* find_element(const GumboNode& root, Match&& matches) {
  const GumboNode* found = nullptr;
  for_each_element(root, [&](const GumboNode& element) {
    if (found) return false;
    if (matches(element)) found = &element;
    return found == nullptr;
  });
  return found;
}

}  // namespace vankien::readers::html
