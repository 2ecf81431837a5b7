#include "page_metadata.hpp"

#include <array>

#include <nlohmann/json.hpp>

#include "../readers.hpp"
#include "text.hpp"

namespace vankien::readers::html {

namespace {

void set_once(std::string& field, std::string_view value) {
  const std::size_t first = value.find_first_not_of(" \t\r\n");
  if (!field.empty() || first == std::string_view::npos) return;
  field = std::string(value.substr(first, value.find_last_not_of(" \t\r\n") + 1 - first));
}

// A JSON-LD value that names one: "Name" or {"name": "Name"}.
std::string single_name(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_object() && value.contains("name") && value["name"].is_string()) return value["name"].get<std::string>();
  return {};
}

// One name, or a list of them (one level: nothing deeper is a name).
std::string name_of(const nlohmann::json& value) {
  if (!value.is_array()) return single_name(value);
  std::string names;
  for (const auto& item : value) {
    const std::string name = single_name(item);
    if (!name.empty()) names.append(names.empty() ? "" : ", ").append(name);
  }
  return names;
}

std::string string_of(const nlohmann::json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : std::string();
}

bool is_article_type(const nlohmann::json& type) {
  const auto article = [](const std::string& name) { return name.find("Article") != std::string::npos || name == "BlogPosting"; };
  if (type.is_string()) return article(type.get<std::string>());
  if (type.is_array()) {
    for (const auto& item : type) {
      if (item.is_string() && article(item.get<std::string>())) return true;
    }
  }
  return false;
}

// Articles in a JSON-LD block: the top object, the items of a top array, or
// the items of "@graph". One level only: that is where publishers put them.
void read_json_ld(std::string_view text, PageMetadata& metadata) {
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded()) return;
  std::vector<const nlohmann::json*> items;
  const auto collect = [&](const nlohmann::json& value) {
    if (value.is_array()) {
      for (const auto& item : value) items.push_back(&item);
    } else {
      items.push_back(&value);
    }
  };
  collect(parsed);
  if (parsed.is_object() && parsed.contains("@graph")) collect(parsed["@graph"]);
  for (const nlohmann::json* item : items) {
    if (!item->is_object() || !item->contains("@type") || !is_article_type((*item)["@type"])) continue;
    set_once(metadata.title, string_of(*item, "headline"));
    set_once(metadata.date, string_of(*item, "datePublished"));
    set_once(metadata.date, string_of(*item, "dateCreated"));
    if (item->contains("author")) set_once(metadata.author, name_of((*item)["author"]));
    if (item->contains("publisher")) set_once(metadata.site_name, name_of((*item)["publisher"]));
    set_once(metadata.description, string_of(*item, "description"));
    set_once(metadata.url, string_of(*item, "url"));
  }
}

// <!-- saved from url=(0043)https://... -->
std::string saved_from(std::string_view comment) {
  const std::size_t at = comment.find("saved from url=");
  if (at == std::string_view::npos) return {};
  std::string_view rest = comment.substr(at + 15);
  if (!rest.empty() && rest[0] == '(') rest.remove_prefix(std::min(rest.size(), rest.find(')') + 1));
  return std::string(rest.substr(0, rest.find_first_of(" \t\r\n")));
}

}  // namespace

PageMetadata read_page_metadata(const GumboNode& html, const GumboVector& document_children) {
  PageMetadata metadata;
  std::string og_title, meta_date, og_url;
  for (unsigned i = 0; i < document_children.length; ++i) {
    const GumboNode& node = child(document_children, i);
    if (node.type == GUMBO_NODE_COMMENT) set_once(metadata.url, saved_from(node.v.text.text));
  }
  std::string canonical, saved = metadata.url;
  metadata.url.clear();
  for_each_element(html, [&](const GumboNode& element) {
    if (element.type != GUMBO_NODE_ELEMENT) return false;
    switch (element.v.element.tag) {
      case GUMBO_TAG_TITLE:
        set_once(metadata.page_title, text_of(element));
        return false;
      case GUMBO_TAG_META: {
        const std::string key = ascii_lower(!attribute(element, "property").empty() ? attribute(element, "property")
                                      : !attribute(element, "name").empty() ? attribute(element, "name")
                                                                            : attribute(element, "itemprop"));
        const std::string_view content = attribute(element, "content");
        if (key == "og:title") set_once(og_title, content);
        else if (key == "og:site_name") set_once(metadata.site_name, content);
        else if (key == "og:url") set_once(og_url, content);
        else if (key == "og:description" || key == "description") set_once(metadata.description, content);
        else if (key == "author" || key == "article:author") set_once(metadata.author, content);
        else if (key == "article:published_time" || key == "datepublished" || key == "pubdate" ||
                 key == "publishdate" || key == "dc.date.issued" || key == "dc.date" || key == "date") {
          set_once(meta_date, content);
        }
        return false;
      }
      case GUMBO_TAG_LINK:
        if (ascii_lower(attribute(element, "rel")) == "canonical") set_once(canonical, attribute(element, "href"));
        return false;
      case GUMBO_TAG_SCRIPT:
        if (ascii_lower(attribute(element, "type")) == "application/ld+json" && element.v.element.children.length > 0) {
          const GumboNode& text = child(element.v.element.children, 0);
          if (text.type == GUMBO_NODE_TEXT || text.type == GUMBO_NODE_CDATA) read_json_ld(text.v.text.text, metadata);
        }
        return false;
      default:
        return true;
    }
  });
  // Meta tags before JSON-LD where both say it.
  if (!og_title.empty()) metadata.title = og_title;
  set_once(metadata.title, metadata.page_title);
  if (!meta_date.empty()) metadata.date = meta_date;
  const std::string json_ld_url = std::move(metadata.url);
  metadata.url.clear();
  for (const std::string* url : std::array<const std::string*, 4>{&canonical, &og_url, &json_ld_url, &saved}) {
    if (url->find("://") != std::string::npos) {
      metadata.url = *url;
      break;
    }
  }
  return metadata;
}

}  // namespace vankien::readers::html
