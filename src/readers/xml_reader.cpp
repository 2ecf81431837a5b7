#include <pugixml.hpp>

#include "readers/readers.hpp"

namespace vankien::readers {

namespace {

void read_document(const Input& input, const pugi::xml_node& node) {
  const auto offset = static_cast<std::size_t>(node.offset_debug());
  Document document;
  document.source = input.location(offset);
  for (const pugi::xml_attribute& attribute : node.attributes()) {
    if (!input.apply_field(document, attribute.name(), attribute.value(), offset)) return;
  }
  for (const pugi::xml_node& child : node.children()) {
    if (child.type() != pugi::node_element) continue;
    const std::string value = child.child_value();
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
