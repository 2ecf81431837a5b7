#include "metadata/codes.hpp"

#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>

#include "metadata/analyzed_text.hpp"
#include "metadata/data_files.hpp"
#include "vankien/schema.hpp"
#include "vankien/text.hpp"

namespace vankien::metadata {

namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

std::string strip_trailing_digits(std::string code) {
  while (!code.empty() && is_digit(code.back())) code.pop_back();
  return code;
}

// Codes compare folded and in lower case: "QĐ", "QD" and "qd" are one code.
std::string code_key(const std::string& code) { return fold(code); }

// The word with its first letter in upper case ("ủy" -> "Ủy").
std::string capitalized(const std::string& word) {
  if (word.empty()) return word;
  icu::UnicodeString text = icu::UnicodeString::fromUTF8(word);
  const UChar32 first = text.char32At(0);
  text.replace(0, U16_LENGTH(first), u_toupper(first));
  std::string out;
  text.toUTF8String(out);
  return out;
}

}  // namespace

std::string written_number(std::string_view text) {
  std::string out;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c == ' ' || c == '\t') continue;
    // U+2010..U+2014 are E2 80 90..94; U+2212 is E2 88 92.
    if (c == 0xE2 && i + 2 < text.size()) {
      const auto b1 = static_cast<unsigned char>(text[i + 1]), b2 = static_cast<unsigned char>(text[i + 2]);
      if ((b1 == 0x80 && b2 >= 0x90 && b2 <= 0x94) || (b1 == 0x88 && b2 == 0x92)) {
        out += '-';
        i += 2;
        continue;
      }
    }
    out += static_cast<char>(c);
  }
  return out;
}

std::optional<DocumentNumber> parse_number(std::string_view number) {
  std::size_t i = 0;
  while (i < number.size() && is_digit(number[i])) ++i;
  if (i == 0 || i == number.size()) return std::nullopt;
  DocumentNumber out;
  std::string rest(number.substr(i + 1));
  if (number[i] == '-') {  // Party: 12-NQ/HU
    const std::size_t slash = rest.find('/');
    if (slash == std::string::npos) return std::nullopt;
    out.party = true;
    out.type_code = rest.substr(0, slash);
    out.issuer_code = rest.substr(slash + 1);
    out.issuer_code = out.issuer_code.substr(0, out.issuer_code.find('-'));
  } else if (number[i] == '/') {  // State: 155/KH-UBND, 22/2019/NQ-HĐND; a law: 36/2018/QH14
    const bool with_year = rest.size() > 5 && is_digit(rest[0]) && rest[4] == '/';
    if (with_year) rest = rest.substr(5);
    const std::size_t dash = rest.find('-');
    if (dash == std::string::npos) {
      // A law or code names no type: only its year and the assembly that passed it.
      if (!with_year || rest.empty() || is_digit(rest[0]) || rest.find('/') != std::string::npos) return std::nullopt;
      out.issuer_code = rest;
      return out;
    }
    out.type_code = rest.substr(0, dash);
    out.issuer_code = rest.substr(dash + 1);
  } else {
    return std::nullopt;
  }
  if (out.type_code.empty() || out.issuer_code.empty()) return std::nullopt;
  return out;
}

std::vector<std::string> cited_numbers(const AnalyzedText& text, std::string_view own, std::size_t limit) {
  std::vector<std::string> out;
  std::vector<std::string> seen{fold(written_number(own))};
  for (const Token& code : text.codes()) {
    if (out.size() >= limit) break;
    std::string number = written_number(text.text().substr(code.begin, code.end - code.begin));
    std::string key = fold(number);
    if (!parse_number(number) || std::find(seen.begin(), seen.end(), key) != seen.end()) continue;
    seen.push_back(std::move(key));
    out.push_back(std::move(number));
  }
  return out;
}

DocumentTypes::DocumentTypes(const std::filesystem::path& file) {
  for (const Row& row : read_tsv(file)) {
    require_fields(file, row, 2);
    const std::string& name = row.fields[1];
    by_key_.emplace(row.fields[0], name);
    by_key_.emplace(schema::facet_key(name), name);
    if (row.fields.size() > 2) {
      for (const std::string& code : split(row.fields[2], ',')) {
        if (!code.empty()) by_code_.emplace(code_key(code), name);
      }
    }
  }
}

std::string DocumentTypes::name_for_code(const std::string& code) const {
  const auto found = by_code_.find(code_key(code));
  return found == by_code_.end() ? std::string() : found->second;
}

std::string DocumentTypes::name_for(const std::string& text) const {
  const auto found = by_key_.find(schema::facet_key(text));
  return found == by_key_.end() ? std::string() : found->second;
}

Issuers::Issuers(const std::filesystem::path& file) {
  for (const Row& row : read_tsv(file)) {
    require_fields(file, row, 2);
    by_code_.emplace(code_key(row.fields[0]), row.fields[1]);
    names_.push_back(row.fields[1]);
  }
  std::stable_sort(names_.begin(), names_.end(),
                   [](const std::string& a, const std::string& b) { return a.size() > b.size(); });
}

std::string Issuers::name_for_code(const std::string& code) const {
  const auto found = by_code_.find(code_key(strip_trailing_digits(code)));
  return found == by_code_.end() ? std::string() : found->second;
}

bool Issuers::is_central_code(const std::string& code) {
  static const std::vector<std::string> central = {"tw", "bct", "bbt", "vptw", "ubkttw"};
  return std::find(central.begin(), central.end(), fold(code)) != central.end();
}

std::string Issuers::proper_case(const std::string& heading,
                                 const std::vector<std::string>& place_names) const {
  // Replace known names (bodies, then places) where their normalised words
  // occur, and capitalise the first letter of whatever is left.
  const std::vector<std::string> words = phrase_words(heading);
  std::vector<std::string> out;
  std::size_t i = 0;
  auto try_names = [&](const std::vector<std::string>& names) {
    for (const std::string& name : names) {
      const auto name_words = phrase_words(name);
      if (name_words.empty() || i + name_words.size() > words.size()) continue;
      if (std::equal(name_words.begin(), name_words.end(), words.begin() + static_cast<std::ptrdiff_t>(i))) {
        out.push_back(name);
        i += name_words.size();
        return true;
      }
    }
    return false;
  };
  while (i < words.size()) {
    if (try_names(names_) || try_names(place_names)) continue;
    out.push_back(words[i]);
    ++i;
  }
  std::string joined;
  for (const std::string& part : out) joined += (joined.empty() ? "" : " ") + part;
  return capitalized(joined);
}

}  // namespace vankien::metadata
