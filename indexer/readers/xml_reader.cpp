#include <pugixml.hpp>

#include "readers.hpp"

namespace vankien::readers {

namespace {

// Elements that stand on lines of their own: their text is a paragraph.
bool is_block(std::string_view name) {
  static constexpr std::string_view blocks[] = {
      "p",  "div", "br", "li", "ul", "ol", "tr", "table", "thead", "tbody", "h1", "h2", "h3", "h4",
      "h5", "h6",  "section", "article", "blockquote", "pre", "hr", "dl", "dt", "dd", "figure",
      "figcaption", "header", "footer", "caption", "para", "paragraph"};
  for (const std::string_view block : blocks) {
    if (name == block) return true;
  }
  return false;
}

// Every character of text inside `element`, markup removed: inline elements
// (<b>, <i>, <span>, <a> ...) leave their text in place, block elements a line
// break before and after (a space where `paragraphs` is false, as in a title),
// table cells a space. Walked with a loop, not a recursion: nesting depth is
// the input's to choose.
std::string element_text(const pugi::xml_node& element, bool paragraphs) {
  std::string out;
  const auto separate = [&](char separator) {
    if (!out.empty() && out.back() != '\n' && out.back() != separator) out += separator;
  };
  const char block_separator = paragraphs ? '\n' : ' ';
  pugi::xml_node node = element.first_child();
  while (node && node != element) {
    const pugi::xml_node_type type = node.type();
    if (type == pugi::node_pcdata || type == pugi::node_cdata) out += node.value();
    const bool block = type == pugi::node_element && is_block(node.name());
    const bool cell = type == pugi::node_element && (std::string_view(node.name()) == "td" ||
                                                     std::string_view(node.name()) == "th");
    if (block) separate(block_separator);
    if (cell) separate(' ');
    if (type == pugi::node_element && node.first_child()) {
      node = node.first_child();
      continue;
    }
    // Leaving this node, and every ancestor whose last child it ends.
    while (node != element) {
      if (node.type() == pugi::node_element && is_block(node.name())) separate(block_separator);
      if (node.next_sibling()) {
        node = node.next_sibling();
        break;
      }
      node = node.parent();
    }
  }
  return out;
}

void read_document(const Input& input, const pugi::xml_node& node) {
  const auto offset = static_cast<std::size_t>(node.offset_debug());
  Document document;
  document.source = input.location(offset);
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    if (!input.apply_field(document, attribute.name(), attribute.value(), offset)) return;
  }
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string_view name = child.name();
    const std::string value = element_text(child, name == "body" || name == "text" || name == "lead");
    if (!input.apply_field(document, child.name(), value,
                           static_cast<std::size_t>(child.offset_debug()))) {
      return;
    }
  }
  if (document.body.size() > input.options.max_document_bytes) {
    input.problem(offset, too_large(input.options));
    return;
  }
  input.on_document(std::move(document));
}

}  // namespace

void read_xml(const Input& input) {
  if (const std::size_t bad = first_invalid_utf8(input.content); bad != std::string_view::npos) {
    input.problem(bad, "invalid UTF-8 at byte " + std::to_string(bad));
    return;
  }
  pugi::xml_document xml;
  const pugi::xml_parse_result result = xml.load_buffer(
      input.content.data(), input.content.size(), pugi::parse_default, pugi::encoding_utf8);
  if (!result) {
    const auto offset = static_cast<std::size_t>(result.offset);
    input.problem(offset, std::string("malformed XML: ") + result.description());
    return;
  }
  const pugi::xml_node root = xml.document_element();
  if (std::string_view(root.name()) == "document") {
    read_document(input, root);
    return;
  }
  if (std::string_view(root.name()) != "documents") {
    input.problem(static_cast<std::size_t>(root.offset_debug()),
                  std::string("expected <documents> or <document>, found <") + root.name() + ">");
    return;
  }
  for (const pugi::xml_node& node : root.children()) {
    if (node.type() != pugi::node_element) continue;
    if (std::string_view(node.name()) != "document") {
      input.problem(static_cast<std::size_t>(node.offset_debug()),
                    std::string("unknown element <") + node.name() + "> ignored", true);
      continue;
    }
    read_document(input, node);
  }
}

}  // namespace vankien::readers
