// Site exports: a file whose front matter is JSON (between "---json" and
// "---") or YAML (between "---" lines), then the post's body, often the HTML
// a web editor wrote. Front-matter keys map to fields (docs/FORMATS.md);
// unknown keys are ignored, and front matter that does not parse is a
// warning: the body still goes in.
#include <yaml.h>

#include <algorithm>
#include <new>

#include <nlohmann/json.hpp>

#include "readers.hpp"
#include "vankien/metadata.hpp"

namespace vankien::readers {

namespace {

// Front matter larger than this is not front matter but a mistake.
constexpr std::size_t max_front_matter_bytes = std::size_t{1} << 20;

struct Entry {
  std::string key;
  std::vector<std::string> values;  // a scalar is one value, a list its scalars
};

struct FrontMatter {
  std::vector<Entry> entries;
  std::string problem;          // why it does not parse
  std::size_t problem_line = 0; // 1-based within the front matter
};

std::string normal_key(std::string_view key) {
  std::string out(key);
  for (char& c : out) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c + 32);
    if (c == '-' || c == ' ') c = '_';
  }
  return out;
}

std::string scalar_text(const nlohmann::json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number() || value.is_boolean()) return value.dump();
  return {};
}

FrontMatter parse_json(std::string_view text) {
  FrontMatter out;
  const nlohmann::json parsed = nlohmann::json::parse(text, nullptr, false);
  if (parsed.is_discarded() || !parsed.is_object()) {
    out.problem = parsed.is_discarded() ? "JSON does not parse" : "JSON front matter is not an object";
    out.problem_line = 1;
    return out;
  }
  for (const auto& [key, value] : parsed.items()) {
    Entry entry{normal_key(key), {}};
    if (value.is_array()) {
      for (const auto& item : value) {
        if (std::string text_value = scalar_text(item); !text_value.empty()) entry.values.push_back(std::move(text_value));
      }
    } else if (std::string text_value = scalar_text(value); !text_value.empty()) {
      entry.values.push_back(std::move(text_value));
    }
    out.entries.push_back(std::move(entry));
  }
  return out;
}

FrontMatter parse_yaml(std::string_view text) {
  FrontMatter out;
  yaml_parser_t parser;
  yaml_document_t document;
  if (!yaml_parser_initialize(&parser)) throw std::bad_alloc();
  yaml_parser_set_input_string(&parser, reinterpret_cast<const unsigned char*>(text.data()), text.size());
  if (!yaml_parser_load(&parser, &document)) {
    out.problem = parser.problem ? parser.problem : "YAML does not parse";
    out.problem_line = parser.problem_mark.line + 1;
    yaml_parser_delete(&parser);
    return out;
  }
  const auto scalar = [&](const yaml_node_t* node) {
    return node && node->type == YAML_SCALAR_NODE
               ? std::string(reinterpret_cast<const char*>(node->data.scalar.value), node->data.scalar.length)
               : std::string();
  };
  const yaml_node_t* root = yaml_document_get_root_node(&document);
  if (root && root->type == YAML_MAPPING_NODE) {
    for (const yaml_node_pair_t* pair = root->data.mapping.pairs.start; pair < root->data.mapping.pairs.top; ++pair) {
      Entry entry{normal_key(scalar(yaml_document_get_node(&document, pair->key))), {}};
      const yaml_node_t* value = yaml_document_get_node(&document, pair->value);
      if (value && value->type == YAML_SEQUENCE_NODE) {
        for (const yaml_node_item_t* item = value->data.sequence.items.start; item < value->data.sequence.items.top; ++item) {
          if (std::string text_value = scalar(yaml_document_get_node(&document, *item)); !text_value.empty()) {
            entry.values.push_back(std::move(text_value));
          }
        }
      } else if (std::string text_value = scalar(value); !text_value.empty()) {
        entry.values.push_back(std::move(text_value));
      }
      out.entries.push_back(std::move(entry));
    }
  } else if (root) {
    out.problem = "YAML front matter is not a mapping of keys to values";
    out.problem_line = 1;
  }
  yaml_document_delete(&document);
  yaml_parser_delete(&parser);
  return out;
}

std::string_view line_at(std::string_view text, std::size_t at) {
  const std::size_t end = text.find('\n', at);
  std::string_view line = text.substr(at, end == std::string_view::npos ? std::string_view::npos : end - at);
  if (line.ends_with('\r')) line.remove_suffix(1);
  return line;
}

// Where the closing "---" (or YAML's "...") line starts, searching from `from`.
std::size_t closing_line(std::string_view content, std::size_t from, bool yaml) {
  for (std::size_t at = from; at < content.size();) {
    const std::string_view line = line_at(content, at);
    if (line == "---" || (yaml && line == "...")) return at;
    const std::size_t end = content.find('\n', at);
    if (end == std::string_view::npos) break;
    at = end + 1;
  }
  return std::string_view::npos;
}

const std::vector<std::string_view>& keys_for(std::string_view field) {
  static const std::vector<std::pair<std::string_view, std::vector<std::string_view>>> table = {
      {"title", {"title", "tieu_de", "headline"}},
      {"post_date", {"date", "published", "pubdate", "publish_date", "published_at", "date_published",
                     "created", "created_at", "ngay_dang"}},
      {"date", {"issuing_date", "issued", "date_issued", "ngay_ban_hanh"}},
      {"tags", {"categories", "category", "tags", "tag", "keywords", "chuyen_muc"}},
      {"lead", {"description", "summary", "excerpt", "sapo", "lead"}},
      {"author", {"author", "authors", "tac_gia", "byline"}},
      {"number", {"number", "document_number", "so_hieu", "so_ky_hieu"}},
      {"url", {"url", "permalink", "link", "canonical", "source_url"}},
  };
  static const std::vector<std::string_view> none;
  for (const auto& [name, keys] : table) {
    if (name == field) return keys;
  }
  return none;
}

std::string joined(const std::vector<std::string>& values) {
  std::string out;
  for (const std::string& value : values) out.append(out.empty() ? "" : ", ").append(value);
  return out;
}

// Sets the document's fields from the front matter; a value that cannot be
// used is a warning, and the field is left to extraction.
void apply(const Input& input, Document& document, const FrontMatter& front_matter) {
  const auto first_of = [&](std::string_view field) -> const Entry* {
    for (std::string_view key : keys_for(field)) {
      for (const Entry& entry : front_matter.entries) {
        if (entry.key == key && !entry.values.empty()) return &entry;
      }
    }
    return nullptr;
  };
  const auto text_field = [&](std::string_view field, std::string& member) {
    if (const Entry* entry = first_of(field)) member = joined(entry->values);
  };
  text_field("title", document.title);
  text_field("lead", document.lead);
  text_field("author", document.author);
  text_field("number", document.number);
  text_field("url", document.url);
  for (std::string_view field : {"date", "post_date"}) {
    const Entry* entry = first_of(field);
    if (!entry) continue;
    if (const auto date = parse_date_value(entry->values.front())) {
      document.date = date->iso;
      document.date_precision = date->precision;
      break;
    }
    input.problem(0, "front matter '" + entry->key + "' is not a date: '" + entry->values.front() + "' (ignored)", true);
  }
  const auto& tag_keys = keys_for("tags");
  for (const Entry& entry : front_matter.entries) {
    if (std::find(tag_keys.begin(), tag_keys.end(), entry.key) == tag_keys.end()) continue;
    document.tags.insert(document.tags.end(), entry.values.begin(), entry.values.end());
  }
  // The names of docs/FORMATS.md, as in JSON Lines.
  for (const Entry& entry : front_matter.entries) {
    if (entry.key == "title" || entry.key == "date" || entry.key == "lead" || entry.key == "author" ||
        entry.key == "number" || entry.key == "url" || entry.key == "tag" || entry.key == "tags" ||
        !is_known_field(entry.key)) {
      continue;
    }
    for (const std::string& value : entry.values) {
      const std::string message = set_field(document, entry.key, value);
      if (!message.empty()) input.problem(0, "front matter: " + message + " (ignored)", true);
    }
  }
}

bool looks_like_html(std::string_view body) {
  for (std::string_view marker : {"</", "<p>", "<p ", "<br", "<div", "&nbsp;", "&#"}) {
    if (body.find(marker) != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

std::size_t front_matter_end(std::string_view content) {
  const std::string_view first = line_at(content, 0);
  if (first != "---" && first != "---json") return 0;
  const std::size_t start = content.find('\n') + 1;
  const std::size_t close = closing_line(content, start, first == "---");
  if (close == std::string_view::npos) return 0;
  const std::size_t after = content.find('\n', close);
  return after == std::string_view::npos ? content.size() : after + 1;
}

void read_export(const Input& input, bool markdown) {
  const std::string_view content = input.content;
  const std::size_t end = front_matter_end(content);
  const bool json = line_at(content, 0) == "---json";
  const std::size_t start = content.find('\n') + 1;
  const std::size_t close = closing_line(content, start, !json);
  const std::string_view text = content.substr(start, close - start);

  Document document;
  document.source = input.location(0);
  if (text.size() > max_front_matter_bytes) {
    input.problem(0, "front matter larger than " + std::to_string(max_front_matter_bytes) + " bytes (ignored)", true);
  } else {
    const FrontMatter front_matter = json ? parse_json(text) : parse_yaml(text);
    if (!front_matter.problem.empty()) {
      // The parser counts lines from the one after the opening "---".
      std::size_t offset = start;
      for (std::size_t line = 1; line < front_matter.problem_line && offset < close; ++line) {
        offset = content.find('\n', offset) + 1;
      }
      input.problem(offset, "front matter does not parse: " + front_matter.problem + " (ignored)", true);
    } else {
      apply(input, document, front_matter);
    }
  }
  const std::string_view body = content.substr(end);
  if (looks_like_html(body)) {
    if (body.size() > max_page_bytes(input.options)) {
      input.problem(end, "HTML body larger than the " + std::to_string(max_page_bytes(input.options)) +
                             "-byte limit for HTML (a quarter of the document limit)");
      return;
    }
    document.body = html_fragment_text(body);
  } else {
    document.body = markdown ? strip_markdown(body) : std::string(body);
  }
  if (document.body.find_first_not_of(" \t\r\n") == std::string::npos && document.title.empty()) {
    input.problem(0, "empty document: front matter and no text");
    return;
  }
  input.on_document(std::move(document));
}

}  // namespace vankien::readers
