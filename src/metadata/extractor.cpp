// MetadataExtractor: runs the rules of src/metadata/ over one document, in the
// order their results depend on each other (places before issuer names, date
// before the inferred term).
#include <algorithm>

#include "metadata/abbreviations.hpp"
#include "metadata/access_marks.hpp"
#include "metadata/codes.hpp"
#include "metadata/congress_term.hpp"
#include "metadata/data_files.hpp"
#include "metadata/dates.hpp"
#include "metadata/gazetteer.hpp"
#include "metadata/layout.hpp"
#include "metadata/post_date.hpp"
#include "metadata/topics.hpp"
#include "vankien/error.hpp"
#include "vankien/metadata.hpp"
#include "vankien/text.hpp"

namespace vankien {

using namespace metadata;

struct MetadataExtractor::Data {
  explicit Data(const std::filesystem::path& dir)
      : gazetteer(dir / "gazetteer.tsv"),
        topics(dir / "topics.tsv"),
        types(dir / "document_types.tsv"),
        issuers(dir / "issuers.tsv") {
    abbreviations = read_abbreviations(dir / "abbreviations.tsv");
  }

  Gazetteer gazetteer;
  Topics topics;
  DocumentTypes types;
  Issuers issuers;
  std::vector<std::pair<std::string, std::string>> abbreviations;
};

namespace {

// The number after "Số" in the header: "Số 12-NQ/HU", "Số: 155/KH-UBND".
std::string header_number(const AnalyzedText& text, std::size_t header_bytes) {
  const auto& words = text.words();
  for (const Token& code : text.codes()) {
    if (code.begin >= header_bytes) break;
    const auto part = std::find_if(words.begin(), words.end(),
                                   [&](const Token& word) { return word.begin == code.begin; });
    if (part != words.begin() && part != words.end() && std::prev(part)->text == "số") {
      return written_number(text.text().substr(code.begin, code.end - code.begin));
    }
  }
  return {};
}

// Metadata is read from the start of the body: the header, title and lead
// are there, and a mebibyte of text is far more than places, terms and topics
// need. Longer bodies are cut at a space, so that the words analysed, and the
// memory they take, stay bounded however large the document.
constexpr std::size_t metadata_window_bytes = std::size_t{1} << 20;
// A long report may cite hundreds; the first ones say what it builds on.
constexpr std::size_t max_cited_numbers = 64;

std::string_view metadata_window(std::string_view body) {
  if (body.size() <= metadata_window_bytes) return body;
  const std::size_t space = body.find_last_of(" \n", metadata_window_bytes);
  return body.substr(0, space == std::string_view::npos ? 0 : space);
}

// Whole words only: both sides padded with spaces. Built by append, not by
// operator+, whose inlined copies GCC 12 at -O3 misreads as overlapping.
bool mentions(const std::string& text, std::string_view words) {
  const auto padded = [](const std::string& folded) {
    std::string out;
    out.reserve(folded.size() + 2);
    return out.append(" ").append(folded).append(" ");
  };
  return padded(fold(text)).find(padded(fold(words))) != std::string::npos;
}

bool is_central(const std::string& issuer, const std::optional<DocumentNumber>& number) {
  if (number && Issuers::is_central_code(number->issuer_code)) return true;
  return mentions(issuer, "trung ương") || mentions(issuer, "bộ chính trị") ||
         mentions(issuer, "ban bí thư");
}

std::string_view first_line(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  if (start == std::string_view::npos) return {};
  return text.substr(start, text.find('\n', start) - start);
}

// A Party document (Party numbering or a Party issuer), or a post whose title
// or lead names a Party body doing something: whatever has a congress term.
bool is_by_or_about_a_party_body(const Document& doc, const Layout& layout, const AnalyzedText& title,
                                  const AnalyzedText& lead) {
  if (doc.numbering == "state") return false;
  if (doc.numbering == "party") return true;
  if (layout.formal) return names_a_party_body(AnalyzedText(doc.issuer.empty() ? layout.issuer_heading : doc.issuer));
  // The title and the lead; a body too short to have a lead, its first line.
  if (names_a_party_body(title)) return true;
  return doc.lead.empty() ? names_a_party_body(AnalyzedText(first_line(doc.body))) : names_a_party_body(lead);
}

// The unit words below a province: a title or lead with one is about a district.
bool names_a_local_unit(const AnalyzedText& text) {
  static const std::vector<std::string> thi_tran = phrase_words("thị trấn");
  for (std::size_t i = 0; i < text.words().size(); ++i) {
    if (text.is(i, "huyện") || text.is(i, "xã") || text.is(i, "thôn") || text.matches(i, thi_tran)) return true;
  }
  return false;
}

}  // namespace

MetadataExtractor::MetadataExtractor(const std::filesystem::path& data_dir)
    : data_(std::make_unique<const Data>(data_dir)) {}
MetadataExtractor::~MetadataExtractor() = default;
MetadataExtractor::MetadataExtractor(MetadataExtractor&&) noexcept = default;
MetadataExtractor& MetadataExtractor::operator=(MetadataExtractor&&) noexcept = default;

const std::vector<std::pair<std::string, std::string>>& MetadataExtractor::abbreviations() const {
  return data_->abbreviations;
}

void MetadataExtractor::complete(Document& doc) const {
  complete_document(doc, nullptr);
}

void MetadataExtractor::complete(Document& doc, std::vector<Token>& body_tokens) const {
  body_tokens.clear();
  complete_document(doc, &body_tokens);
}

void MetadataExtractor::complete_document(Document& doc, std::vector<Token>* body_tokens) const {
  // Given fields are checked first: a bad one fails the document.
  if (!doc.date.empty()) {
    const auto date = parse_date_value(doc.date);
    if (!date) throw Error("impossible or unreadable date '" + doc.date + "'");
    doc.date = date->iso;
    // A reader may know more than the day it gives ("tháng 5/2020" read already).
    if (doc.date_precision.empty()) doc.date_precision = date->precision;
  } else {
    doc.date_precision.clear();
  }
  if (!doc.term.empty()) {
    const auto term = parse_term(doc.term);
    if (!term) throw Error("unreadable term '" + doc.term + "' (expected e.g. 2015-2020)");
    doc.term = *term;
  }
  if (doc.body.find_first_not_of(" \t\r\n") == std::string::npos &&
      doc.title.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw Error("empty document: no title and no text");
  }

  const Layout layout = read_layout(doc.body, doc.title);
  const std::string_view window = metadata_window(doc.body);
  const AnalyzedText text(window, window.size() == doc.body.size() ? body_tokens : nullptr);
  if (doc.title.empty()) doc.title = layout.title;
  if (doc.lead.empty()) doc.lead = layout.lead;
  // Places and topics count the title and lead too; they are usually the
  // body's first lines, and read again only when they are not.
  const std::string_view start = std::string_view(doc.body).substr(0, 1 << 14);
  const bool heads_in_body = start.find(doc.title) != std::string_view::npos && start.find(doc.lead) != std::string_view::npos;
  std::string heads_and_window;  // outlives the analysis, which points into it
  if (!heads_in_body) {
    heads_and_window.append(doc.title).append("\n").append(doc.lead).append("\n").append(metadata_window(doc.body));
  }
  const AnalyzedText with_heads(heads_and_window);
  const AnalyzedText& evidence = heads_in_body ? text : with_heads;
  // The title and lead alone, for the rules that weigh them apart.
  const AnalyzedText title_text(doc.title), lead_text(doc.lead);
  // The province a post is about when its title names one and no unit below
  // it; a title that names no unit at all leaves it to the lead.
  const auto province_of_heads = [&]() -> const Place* {
    for (const AnalyzedText* head : {&title_text, &lead_text}) {
      if (names_a_local_unit(*head)) return nullptr;
      const FoundPlaces found = data_->gazetteer.find(*head, "");
      if (found.district) return nullptr;
      if (found.province) return found.province;
    }
    return nullptr;
  };
  if (doc.author.empty()) doc.author = layout.author;

  // Number, numbering and type.
  if (doc.number.empty() && layout.formal) doc.number = header_number(text, layout.header_bytes);
  if (const std::string written = written_number(doc.number); written != doc.number && parse_number(written)) {
    doc.number = written;
  }
  const auto number = parse_number(doc.number);
  if (doc.numbering.empty() && number) doc.numbering = number->party ? "party" : "state";
  if (!doc.type.empty()) {
    if (const std::string known = data_->types.name_for(doc.type); !known.empty()) doc.type = known;
  } else {
    doc.type = data_->types.name_for(layout.type_heading);
    if (doc.type.empty() && number) doc.type = data_->types.name_for_code(number->type_code);
    if (doc.type.empty() && !layout.formal) doc.type = data_->types.name_for("bai_viet");
  }

  // Place and date line, then district and province. A central document is
  // about the whole country, whatever places its text names.
  const bool central = is_central(doc.issuer.empty() ? layout.issuer_heading : doc.issuer, number);
  const auto place_line = place_and_date_line(layout);
  const std::string place_line_name = place_line ? place_line->place : std::string();
  const Place* district = nullptr;
  const Place* province = nullptr;
  if (!doc.district.empty()) {
    district = data_->gazetteer.district(doc.district, doc.province);
  }
  const Place* heads_province = doc.district.empty() && !central ? province_of_heads() : nullptr;
  if (!district && doc.district.empty() && !central) {
    const FoundPlaces found = data_->gazetteer.find(evidence, place_line_name);
    district = found.district;
    province = found.province;
    // A post about a province is the province's, whatever districts its body names.
    if (heads_province && place_line_name.empty()) {
      district = nullptr;
      province = heads_province;
    }
  }
  // The source's own unit (a district portal's posts), when the text names no
  // other district, unless its title or lead is about a province ("Tỉnh ủy
  // Đắk Nông quán triệt ..."): a province named in passing in the body, or the
  // source's own, leaves the post the source's.
  if (!district && doc.district.empty() && !central && !doc.default_district.empty()) {
    const Place* source = data_->gazetteer.district(doc.default_district, doc.default_province);
    if (source && !heads_province) {
      district = source;
      province = nullptr;  // the district's
    }
  }
  if (!district && !province && doc.province.empty() && !central && !doc.default_province.empty()) {
    const auto named = data_->gazetteer.provinces_named(normalize(doc.default_province));
    if (named.size() == 1) province = named.front();
  }
  if (district) {
    doc.district = district->name;
    if (!province) province = data_->gazetteer.province(district->province);
  }
  if (!doc.province.empty()) {
    const auto named = data_->gazetteer.provinces_named(normalize(doc.province));
    province = named.size() == 1 ? named.front() : nullptr;
  }
  if (province) {
    doc.province = province->name;
    if (doc.successor_province.empty() && province->successor != province->name) {
      doc.successor_province = province->successor;
    }
  }

  // Issuer: the header's capitals in proper case, else the number's issuer code.
  if (doc.issuer.empty()) {
    std::vector<std::string> place_names;
    if (district) place_names.insert(place_names.end(), district->names.begin(), district->names.end());
    if (province) place_names.insert(place_names.end(), province->names.begin(), province->names.end());
    if (!layout.issuer_heading.empty()) {
      doc.issuer = data_->issuers.proper_case(layout.issuer_heading, place_names);
    } else if (number) {
      doc.issuer = data_->issuers.name_for_code(number->issuer_code);
      const std::string code = fold(number->issuer_code);
      if (!doc.issuer.empty() && district && (code == "hu" || code == "qu" || code == "txu")) {
        doc.issuer += " " + district->name;
      } else if (!doc.issuer.empty() && province && (code == "tu" || code == "thu")) {
        doc.issuer += " " + province->name;
      }
    }
  }

  if (doc.date.empty()) {
    if (const auto date = post_date(layout, doc.lead, text)) {
      doc.date = date->iso;
      doc.date_precision = date->precision;
    }
  }

  // Term: stated in the title, then in the text; else inferred from the date,
  // for what Party bodies issue or do only: a State document, or news of the
  // People's Committee or an association, has a congress term only if stated.
  if (doc.term.empty()) {
    auto stated = stated_term(title_text, 0, title_text.words().size(), central);
    if (!stated) stated = stated_term(text, 0, text.words().size(), central);
    if (stated) {
      doc.term = *stated;
    } else if (!doc.date.empty() && is_by_or_about_a_party_body(doc, layout, title_text, lead_text)) {
      doc.term = inferred_term(std::stoi(doc.date.substr(0, 4)), std::stoi(doc.date.substr(5, 2)), central);
      doc.term_inferred = true;
    }
  }

  if (doc.cited_numbers.empty()) doc.cited_numbers = cited_numbers(evidence, doc.number, max_cited_numbers);

  if (doc.topics.empty()) {
    doc.topics = data_->topics.classify(evidence, title_text, lead_text);
  } else {
    for (std::string& topic : doc.topics) {
      if (const std::string label = data_->topics.label_for(topic); !label.empty()) topic = label;
    }
  }

  // Marks only ever raise the access level: a stamped MẬT is never ignored.
  std::vector<std::string> mark_cells = layout.header_cells;
  for (std::string& line : last_lines(doc.body, 3)) mark_cells.push_back(std::move(line));
  doc.access = std::max(doc.access, access_from_marks(mark_cells));
}

}  // namespace vankien
