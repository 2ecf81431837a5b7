#include "output.hpp"

#include <sstream>

namespace vankien::cli {

namespace {

constexpr const char* bold = "\033[1m";
constexpr const char* highlight = "\033[1;31m";
constexpr const char* dim = "\033[2m";
constexpr const char* reset = "\033[0m";

std::string joined(const std::vector<std::string>& values, const char* separator) {
  std::string out;
  for (const std::string& value : values) out += (out.empty() ? "" : separator) + value;
  return out;
}

// The snippet on one line, matches in colour (or between ** when colour is off
// but the output is still for people).
std::string snippet_line(const Hit& hit, bool colour) {
  const std::string& body = hit.document.body;
  std::string out;
  std::size_t cursor = hit.snippet.begin;
  for (const Highlight& h : hit.snippet.highlights) {
    out += body.substr(cursor, h.begin - cursor);
    const std::string word = body.substr(h.begin, h.end - h.begin);
    out += colour ? std::string(highlight) + word + reset : "[" + word + "]";
    cursor = h.end;
  }
  out += body.substr(cursor, hit.snippet.end - cursor);
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  return out;
}

}  // namespace

nlohmann::json summary_line_json(const Results& results) {
  nlohmann::json json = server::summary_json(results);
  json["summary"] = true;
  json["returned"] = results.hits.size();
  return json;
}

std::string hit_text(const Hit& hit, bool colour) {
  const Document& d = hit.document;
  std::ostringstream out;
  out << hit.rank << ". " << (colour ? bold : "") << (d.title.empty() ? d.id : d.title)
      << (colour ? reset : "") << '\n';
  std::vector<std::string> meta;
  for (const std::string* field : {&d.date, &d.type, &d.number, &d.district, &d.province}) {
    if (!field->empty()) meta.push_back(*field);
  }
  if (!d.term.empty()) meta.push_back("nhiệm kỳ " + d.term + (d.term_inferred ? " (suy ra)" : ""));
  if (!d.topics.empty()) meta.push_back(joined(d.topics, "; "));
  out << "   " << (colour ? dim : "") << joined(meta, " · ") << "  [" << d.id << "]"
      << (colour ? reset : "") << '\n';
  if (!hit.snippet.text.empty()) out << "   " << snippet_line(hit, colour) << '\n';
  return out.str();
}

std::string facets_text(const Results& results) {
  std::ostringstream out;
  for (const auto& [name, counts] : results.facets) {
    out << name << ":";
    if (counts.empty()) out << " (none)";
    for (const FacetCount& count : counts) out << "\n  " << count.value << "  " << count.count;
    out << '\n';
  }
  return out.str();
}

}  // namespace vankien::cli
