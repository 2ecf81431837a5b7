#include "selector.hpp"

#include <cctype>

#include "../readers.hpp"

namespace vankien::readers::html {

namespace {

bool is_name_char(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;
}

// Reads a name at `i`; empty when there is none.
std::string_view name_at(std::string_view text, std::size_t& i) {
  const std::size_t start = i;
  while (i < text.size() && is_name_char(text[i])) ++i;
  return text.substr(start, i - start);
}

// "[name]", "[name=value]", "[name*=value]", the value optionally quoted.
bool parse_attribute(std::string_view text, std::size_t& i, Selector::Condition& condition) {
  ++i;  // '['
  condition.name = ascii_lower(name_at(text, i));
  if (condition.name.empty() || i >= text.size()) return false;
  if (text[i] == ']') {
    ++i;
    return true;
  }
  if (text[i] == '*') {
    condition.kind = Selector::Condition::Kind::contains;
    ++i;
  } else {
    condition.kind = Selector::Condition::Kind::equals;
  }
  if (i >= text.size() || text[i] != '=') return false;
  ++i;
  const char quote = i < text.size() && (text[i] == '"' || text[i] == '\'') ? text[i] : '\0';
  if (quote) ++i;
  const std::size_t end = text.find(quote ? quote : ']', i);
  if (end == std::string_view::npos) return false;
  condition.value = std::string(text.substr(i, end - i));
  i = end + (quote ? 1 : 0);
  if (i >= text.size() || text[i] != ']') return false;
  ++i;
  return true;
}

bool parse_compound(std::string_view text, std::size_t& i, Selector::Compound& compound) {
  bool any = false;
  if (i < text.size() && text[i] == '*') {
    ++i;
    any = true;
  } else {
    compound.tag = ascii_lower(name_at(text, i));
    any = !compound.tag.empty();
  }
  while (i < text.size()) {
    const char c = text[i];
    if (c == '.' || c == '#') {
      ++i;
      const std::string_view name = name_at(text, i);
      if (name.empty()) return false;
      if (c == '.') compound.classes.emplace_back(name);
      else compound.id = std::string(name);
    } else if (c == '[') {
      Selector::Condition condition;
      if (!parse_attribute(text, i, condition)) return false;
      compound.attributes.push_back(std::move(condition));
    } else {
      break;
    }
    any = true;
  }
  return any;
}

bool matches_compound(const GumboNode& element, const Selector::Compound& compound) {
  if (!is_element(element)) return false;
  if (!compound.tag.empty()) {
    const char* name = gumbo_normalized_tagname(element.v.element.tag);
    if (compound.tag != name) return false;
  }
  if (!compound.id.empty() && attribute(element, "id") != compound.id) return false;
  for (const std::string& name : compound.classes) {
    if (!has_class(element, name)) return false;
  }
  for (const Selector::Condition& condition : compound.attributes) {
    const GumboAttribute* found = gumbo_get_attribute(&element.v.element.attributes, condition.name.c_str());
    if (!found) return false;
    const std::string_view value = found->value;
    if (condition.kind == Selector::Condition::Kind::equals && value != condition.value) return false;
    if (condition.kind == Selector::Condition::Kind::contains && value.find(condition.value) == std::string_view::npos) {
      return false;
    }
  }
  return true;
}

const GumboNode* parent_element(const GumboNode& node) {
  const GumboNode* parent = node.parent;
  return parent && is_element(*parent) ? parent : nullptr;
}

// True when the chain ending at `last` matches with `element` for it.
bool matches_chain(const GumboNode& element, const std::vector<Selector::Compound>& chain) {
  const GumboNode* at = &element;
  std::size_t k = chain.size() - 1;
  if (!matches_compound(*at, chain[k])) return false;
  while (k > 0) {
    const bool direct = chain[k].child_of_previous;
    --k;
    at = parent_element(*at);
    if (direct) {
      if (!at || !matches_compound(*at, chain[k])) return false;
      continue;
    }
    while (at && !matches_compound(*at, chain[k])) at = parent_element(*at);
    if (!at) return false;
  }
  return true;
}

}  // namespace

std::optional<Selector> Selector::parse(std::string_view text) {
  Selector selector;
  std::size_t i = 0;
  const auto skip_spaces = [&] {
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
  };
  std::vector<Compound> chain;
  bool child_next = false;
  skip_spaces();
  while (i < text.size()) {
    Compound compound;
    if (!parse_compound(text, i, compound)) return std::nullopt;
    compound.child_of_previous = child_next;
    child_next = false;
    chain.push_back(std::move(compound));
    skip_spaces();
    if (i < text.size() && text[i] == '>') {
      ++i;
      child_next = true;
      skip_spaces();
    } else if (i < text.size() && text[i] == ',') {
      ++i;
      selector.alternatives_.push_back(std::move(chain));
      chain.clear();
      skip_spaces();
    }
  }
  if (child_next || chain.empty()) return std::nullopt;
  selector.alternatives_.push_back(std::move(chain));
  return selector;
}

bool Selector::matches(const GumboNode& element) const {
  for (const auto& chain : alternatives_) {
    if (matches_chain(element, chain)) return true;
  }
  return false;
}

const GumboNode* Selector::first(const GumboNode& root) const {
  return find_element(root, [&](const GumboNode& element) { return matches(element); });
}

}  // namespace vankien::readers::html
