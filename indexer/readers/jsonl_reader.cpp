// JSON Lines: one object a line. Each line is read with nlohmann's SAX parser
// (no tree is built, and nesting never recurses), keeping the top-level
// fields: strings as they are, numbers as written in the line (so that no
// large integer or decimal changes on the way), arrays of scalars as lists.
#include <nlohmann/json.hpp>

#include "readers.hpp"

namespace vankien::readers {

namespace {

struct Value {
  enum class Kind { text, number, boolean, null, object, array };
  Kind kind = Kind::null;
  std::string text;                // text, number (as written), boolean
  std::vector<std::string> items;  // array: its strings and numbers
};

std::string_view kind_name(Value::Kind kind) {
  switch (kind) {
    case Value::Kind::text: return "string";
    case Value::Kind::number: return "number";
    case Value::Kind::boolean: return "boolean";
    case Value::Kind::null: return "null";
    case Value::Kind::object: return "object";
    case Value::Kind::array: return "array";
  }
  return "value";
}

// Collects the top-level fields of one JSON value that should be an object.
class FieldCollector : public nlohmann::json_sax<nlohmann::json> {
 public:
  std::vector<std::pair<std::string, Value>> fields;
  std::optional<Value::Kind> top;  // what the line holds
  std::size_t error_position = 0;
  std::string error_message;
  bool overflow = false;  // a number beyond what a double holds

  bool null() override { return scalar(Value::Kind::null, ""); }
  bool boolean(bool value) override { return scalar(Value::Kind::boolean, value ? "true" : "false"); }
  bool number_integer(number_integer_t value) override { return scalar(Value::Kind::number, std::to_string(value)); }
  bool number_unsigned(number_unsigned_t value) override {
    return scalar(Value::Kind::number, std::to_string(value));
  }
  bool number_float(number_float_t, const string_t& written) override { return scalar(Value::Kind::number, written); }
  bool string(string_t& value) override { return scalar(Value::Kind::text, std::move(value)); }
  bool binary(binary_t&) override { return scalar(Value::Kind::null, ""); }  // not in JSON text
  bool key(string_t& name) override {
    if (depth_ == 1) key_ = std::move(name);
    return true;
  }
  bool start_object(std::size_t) override { return open(Value::Kind::object); }
  bool start_array(std::size_t) override { return open(Value::Kind::array); }
  bool end_object() override { return close(); }
  bool end_array() override { return close(); }
  bool parse_error(std::size_t position, const std::string&, const nlohmann::detail::exception& error) override {
    error_position = position;
    error_message = error.what();
    overflow = error.id == 406;
    return false;
  }

 private:
  bool scalar(Value::Kind kind, std::string text) {
    if (depth_ == 0) {
      top = kind;
    } else if (depth_ == 1) {
      fields.push_back({key_, Value{kind, std::move(text), {}}});
    } else if (depth_ == 2 && in_array_field_ && (kind == Value::Kind::text || kind == Value::Kind::number)) {
      fields.back().second.items.push_back(std::move(text));
    }
    return true;
  }

  bool open(Value::Kind kind) {
    if (depth_ == 0) top = kind;
    if (depth_ == 1) {
      fields.push_back({key_, Value{kind, "", {}}});
      in_array_field_ = kind == Value::Kind::array;
    }
    ++depth_;
    return true;
  }

  bool close() {
    if (--depth_ == 1) in_array_field_ = false;
    return true;
  }

  std::size_t depth_ = 0;
  std::string key_;
  bool in_array_field_ = false;
};

// Sets one field of `document`; false when the document must be dropped.
bool apply(const Input& input, Document& document, const std::string& key, const Value& value,
           std::size_t offset) {
  if (!is_known_field(key)) return input.apply_field(document, key, "", offset);  // a warning
  const bool is_list = is_list_field(key);
  if (is_list && value.kind == Value::Kind::array) {
    for (const std::string& topic : value.items) {
      if (!input.apply_field(document, key, topic, offset)) return false;
    }
    return true;
  }
  if (value.kind == Value::Kind::text || value.kind == Value::Kind::number || value.kind == Value::Kind::null) {
    return input.apply_field(document, key, value.text, offset);
  }
  input.problem(offset, "field '" + key + "' must be a string" + (is_list ? " or an array" : "") +
                            ", not " + std::string(kind_name(value.kind)));
  return false;
}

}  // namespace

void read_jsonl(const Input& input) {
  const std::string_view content = input.content;
  std::size_t start = 0;
  while (start < content.size()) {
    std::size_t end = content.find('\n', start);
    if (end == std::string_view::npos) end = content.size();
    const std::string_view line = content.substr(start, end - start);
    const std::size_t line_start = start;
    start = end + 1;
    if (line.find_first_not_of(" \t\r") == std::string_view::npos) continue;
    if (line.size() > input.options.max_document_bytes) {
      input.problem(line_start, too_large(input.options));
      continue;
    }
    if (const std::size_t bad = first_invalid_utf8(line); bad != std::string_view::npos) {
      input.problem(line_start + bad, "invalid UTF-8 at byte " +
                                          std::to_string(input.start_offset + line_start + bad));
      continue;
    }
    FieldCollector collector;
    if (!nlohmann::json::sax_parse(line, &collector)) {
      if (collector.overflow) {
        input.problem(line_start, "JSON cannot be read: " + collector.error_message);
        continue;
      }
      const std::size_t column = collector.error_position == 0 ? 0 : collector.error_position - 1;
      input.problem(line_start + column, "JSON does not parse at column " + std::to_string(column + 1) + ": " +
                                             collector.error_message);
      continue;
    }
    if (collector.top != Value::Kind::object) {
      input.problem(line_start, "expected a JSON object, found " +
                                    std::string(kind_name(collector.top.value_or(Value::Kind::null))));
      continue;
    }
    Document document;
    document.source = input.location(line_start);
    bool failed = false;
    for (const auto& [key, value] : collector.fields) {
      if (!apply(input, document, key, value, line_start)) {
        failed = true;
        break;
      }
    }
    if (!failed) input.on_document(std::move(document));
  }
}

}  // namespace vankien::readers
