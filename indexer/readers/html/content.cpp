#include "content.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <vector>

#include "../readers.hpp"

namespace vankien::readers::html {

namespace {

constexpr std::array<std::string_view, 14> positive_hints = {
    "article", "content", "noidung", "noi-dung", "chitiet", "chi-tiet", "detail",
    "entry", "post", "news-body", "main", "story", "text", "body"};
constexpr std::array<std::string_view, 28> negative_hints = {
    "comment", "binhluan", "binh-luan", "sidebar", "menu", "navbar", "breadcrumb",
    "footer", "related", "lienquan", "lien-quan", "tinkhac", "tin-khac", "othernews",
    "other-news", "share", "social", "banner", "advert", "quangcao", "quang-cao",
    "widget", "popup", "cookie", "toolbar", "tags", "sitemap", "copyright"};

std::string hints_of(const GumboNode& element) {
  std::string hints(attribute(element, "class"));
  hints.append(" ").append(attribute(element, "id"));
  return ascii_lower(hints);
}

// +25 for a content hint, -25 for a boilerplate one (both may apply).
double hint_weight(const GumboNode& element) {
  const std::string hints = hints_of(element);
  if (hints.size() <= 1) return 0;
  double weight = 0;
  const auto has_any = [&](const auto& words) {
    return std::any_of(words.begin(), words.end(),
                       [&](std::string_view word) { return hints.find(word) != std::string::npos; });
  };
  if (has_any(positive_hints)) weight += 25;
  if (has_any(negative_hints)) weight -= 25;
  return weight;
}

bool is_negative(const GumboNode& element) {
  const std::string hints = hints_of(element);
  return std::any_of(negative_hints.begin(), negative_hints.end(),
                     [&](std::string_view word) { return hints.find(word) != std::string::npos; }) &&
         hint_weight(element) < 0;
}

bool is_paragraph(GumboTag tag) {
  return tag == GUMBO_TAG_P || tag == GUMBO_TAG_PRE || tag == GUMBO_TAG_TD || tag == GUMBO_TAG_BLOCKQUOTE;
}

// A <div> holding text itself (editors write paragraphs as <div>s).
bool has_own_text(const GumboNode& element) {
  const GumboVector& children = element.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const GumboNode& node = child(children, i);
    if (node.type == GUMBO_NODE_TEXT && std::string_view(node.v.text.text).size() >= 40) return true;
  }
  return false;
}

double tag_weight(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_ARTICLE: return 10;
    case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DL: case GUMBO_TAG_FORM: return -3;
    default: return 0;
  }
}

const GumboNode* parent_element(const GumboNode& node) {
  return node.parent && is_element(*node.parent) ? node.parent : nullptr;
}

}  // namespace

Content::Content(const GumboNode& body) {
  // Post-order without recursion: an element's counts are its children's sums.
  std::vector<std::pair<const GumboNode*, bool>> pending{{&body, false}};  // node, children counted
  while (!pending.empty()) {
    const auto [node, done] = pending.back();
    pending.pop_back();
    const GumboVector& children = node->v.element.children;
    if (!done) {
      pending.push_back({node, true});
      for (unsigned i = 0; i < children.length; ++i) {
        const GumboNode& next = child(children, i);
        if (is_element(next) && !is_invisible(next)) pending.push_back({&next, false});
      }
      continue;
    }
    Counts sum;
    for (unsigned i = 0; i < children.length; ++i) {
      const GumboNode& next = child(children, i);
      if (next.type == GUMBO_NODE_TEXT || next.type == GUMBO_NODE_CDATA) {
        const std::string_view text = next.v.text.text;
        const std::size_t first = text.find_first_not_of(" \t\r\n");
        if (first == std::string_view::npos) continue;
        sum.text += text.find_last_not_of(" \t\r\n") + 1 - first;
        sum.commas += static_cast<std::size_t>(std::count(text.begin(), text.end(), ','));
      } else if (const auto found = counts_.find(&next); found != counts_.end()) {
        sum.text += found->second.text;
        sum.links += found->second.links;
        sum.commas += found->second.commas;
      }
    }
    if (node->v.element.tag == GUMBO_TAG_A) sum.links = sum.text;
    counts_.emplace(node, sum);
  }

  // Paragraphs score their parent, and half as much their grandparent.
  std::unordered_map<const GumboNode*, std::size_t> index;
  std::vector<std::pair<const GumboNode*, double>> scores;  // in first-seen order
  const auto add = [&](const GumboNode* container, double score) {
    if (!container) return;
    auto [it, fresh] = index.try_emplace(container, scores.size());
    if (fresh) scores.push_back({container, tag_weight(container->v.element.tag) + hint_weight(*container)});
    scores[it->second].second += score;
  };
  for_each_element(body, [&](const GumboNode& element) {
    if (&element != &body && (is_invisible(element) || element.v.element.tag == GUMBO_TAG_NAV ||
                              element.v.element.tag == GUMBO_TAG_FOOTER || is_negative(element))) {
      return false;
    }
    const GumboTag tag = element.v.element.tag;
    if (!is_paragraph(tag) && !(tag == GUMBO_TAG_DIV && has_own_text(element))) return true;
    const Counts& own = counts(element);
    if (own.text < 40) return true;
    const double score = 1.0 + static_cast<double>(own.commas) +
                         std::min(static_cast<double>(own.text) / 150.0, 3.0);
    const GumboNode* parent = parent_element(element);
    add(parent, score);
    if (parent) add(parent_element(*parent), score / 2);
    return tag != GUMBO_TAG_P;  // paragraphs hold no paragraphs
  });
  main_ = &body;
  double best = 0;
  for (const auto& [container, score] : scores) {
    const double adjusted = score * (1.0 - link_density(*container));
    if (adjusted > best) {
      main_ = container;
      best = adjusted;
    }
  }
}

const Content::Counts& Content::counts(const GumboNode& element) const {
  static const Counts none;
  const auto found = counts_.find(&element);
  return found == counts_.end() ? none : found->second;
}

double Content::link_density(const GumboNode& element) const {
  const Counts& own = counts(element);
  return own.text == 0 ? 0.0 : static_cast<double>(own.links) / static_cast<double>(own.text);
}

bool Content::is_boilerplate(const GumboNode& element) const {
  switch (element.v.element.tag) {
    case GUMBO_TAG_NAV: case GUMBO_TAG_ASIDE: case GUMBO_TAG_FORM: return true;
    default: break;
  }
  if (is_negative(element)) return true;
  switch (element.v.element.tag) {
    case GUMBO_TAG_UL: case GUMBO_TAG_OL: case GUMBO_TAG_DIV: case GUMBO_TAG_SECTION: case GUMBO_TAG_TABLE:
      return link_density(element) > 0.6;
    default:
      return false;
  }
}

}  // namespace vankien::readers::html
